//! Keeping the explorer's memory between runs: [`Keeper`] reads the state file once at
//! start (a file it cannot use is one notice, never an error), gives the app what it
//! remembers of this collection, and writes the app's memory back when the explorer
//! ends (quit, Ctrl-C, SIGTERM, SIGHUP, a closed terminal) and now and then while it
//! runs, so a run that is killed loses little. A save that fails is said once on the
//! status bar while running, and never at exit, when there is no screen to say it on.
//!
//! Depends on `state` and the explorer's `app`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::app::App;
use crate::model::Lang;
use crate::state::{self, Memory};

/// How often, at most, a changed memory is written while the explorer runs.
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// The state file of one run, and what was last written to it.
pub struct Keeper {
    path: Option<PathBuf>,
    key: String,
    saved: Option<Memory>,
    saved_at: Instant,
    failure_said: bool,
}

impl Keeper {
    /// Reads the state file; the memory of the collection `cases` (with its place unless
    /// `fresh`), and the notice to show when the file could not be used.
    pub fn open(
        cases: Option<&std::path::Path>,
        fresh: bool,
        lang_from_flag: bool,
        lang: Lang,
    ) -> (Keeper, Memory, Option<String>) {
        let path = state::path();
        let key = state::collection_key(cases);
        let loaded = path.as_deref().map(state::load).unwrap_or_default();
        let mut memory = loaded.file.memory_for(&key);
        if fresh {
            memory.place = None;
        }
        if lang_from_flag {
            // `--lang` says which language this run is in.
            if let Some(place) = &mut memory.place {
                place.lang = None;
            }
        }
        let notice = loaded.problem.map(|why| match lang {
            Lang::Ko => format!("기억 파일을 읽을 수 없어 무시합니다 (끝낼 때 새로 씁니다): {why}"),
            Lang::En => format!("the memory file was ignored (it is rewritten on quit): {why}"),
        });
        let keeper = Keeper {
            path,
            key,
            saved: None,
            saved_at: Instant::now(),
            failure_said: false,
        };
        (keeper, memory, notice)
    }

    /// Writes the app's memory when it changed and the last write is a while ago; a
    /// notice the first time a write fails.
    pub fn save_now_and_then(&mut self, app: &App) -> Option<String> {
        if self.saved_at.elapsed() < SAVE_EVERY {
            return None;
        }
        let failed = self.save(app).err()?;
        if std::mem::replace(&mut self.failure_said, true) {
            return None;
        }
        Some(match app.lang() {
            Lang::Ko => format!("기억 파일을 저장하지 못했습니다: {failed}"),
            Lang::En => format!("the memory file could not be saved: {failed}"),
        })
    }

    /// Writes the app's memory if it changed since the last write.
    pub fn save(&mut self, app: &App) -> Result<(), String> {
        self.saved_at = Instant::now();
        let memory = app.memory();
        if self.saved.as_ref() == Some(&memory) {
            return Ok(());
        }
        let Some(path) = &self.path else {
            return Ok(());
        };
        match state::save_memory(path, &self.key, &memory) {
            Ok(()) => {
                self.saved = Some(memory);
                Ok(())
            }
            Err(e) => Err(
                crate::text::escape_for_terminal(&format!("{}: {e}", path.display())).into_owned(),
            ),
        }
    }
}
