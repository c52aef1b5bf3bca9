//! Putting copied text on the system clipboard, and saying honestly which way it went.
//!
//! Two ways, since either alone can be missing:
//!
//! - **The terminal (OSC 52).** Works over SSH, where no local tool can reach. Inside
//!   tmux the sequence goes to tmux itself when tmux takes OSC 52 (`set-clipboard on`:
//!   it keeps a paste buffer and passes the text on to the outer terminal), and is
//!   otherwise wrapped in tmux's passthrough (`\ePtmux;…\e\\`, every ESC doubled) so
//!   the outer terminal sees it (tmux must allow it: `allow-passthrough on`). What tmux
//!   does is asked once, at start, off the UI thread ([`detect_terminal_route`]). A
//!   terminal never answers OSC 52, and many ignore it (GNOME Terminal, Terminal.app),
//!   so this way can never be confirmed.
//! - **A clipboard tool** — `wl-copy`, `xclip`, `xsel`, `pbcopy`, `clip.exe` — the first
//!   that runs and exits 0. Its exit status confirms the copy. The tool is fed and waited
//!   for on a thread of its own, within [`TOOL_TIME_LIMIT`]; one that does not answer
//!   (a dead X display over SSH) is stopped.
//!
//! The outcome ([`Delivery`]) comes back to the event loop as an action, and the status
//! bar says which way was used; when none can be confirmed it offers [`save`]: the text
//! written to a file, whole or not at all.
//!
//! Depends on `text` (escaping a path for the notice), `safe_write` and `directories`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

/// How the OSC 52 sequence reaches the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TerminalRoute {
    /// Written as it is: no multiplexer in between.
    Direct,
    /// Inside tmux with `set-clipboard on`: tmux takes the sequence, keeps the text as a
    /// paste buffer and passes it on to the outer terminal.
    Tmux,
    /// Inside tmux otherwise: wrapped in tmux's passthrough for the outer terminal.
    TmuxPassthrough,
}

impl TerminalRoute {
    /// For the status bar: "OSC 52", "OSC 52 (tmux)", "OSC 52 (tmux passthrough)".
    pub fn label(self) -> &'static str {
        match self {
            TerminalRoute::Direct => "OSC 52",
            TerminalRoute::Tmux => "OSC 52 (tmux)",
            TerminalRoute::TmuxPassthrough => "OSC 52 (tmux passthrough)",
        }
    }
}

/// What the clipboard tools made of a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolOutcome {
    /// This tool took the text and exited 0: the copy is confirmed.
    Confirmed(&'static str),
    /// Tools ran and failed (no display, no clipboard); the last one tried.
    Failed(&'static str),
    /// This tool did not answer within the time limit and was stopped.
    GaveUp(&'static str),
    /// No clipboard tool is installed.
    NoTool,
}

/// What became of one copy: the terminal route it was sent by, and the tools' outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    pub route: TerminalRoute,
    pub tool: ToolOutcome,
}

impl Delivery {
    /// Whether anything confirmed that the text is on a clipboard.
    pub fn confirmed(&self) -> bool {
        matches!(self.tool, ToolOutcome::Confirmed(_))
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// `sequence` wrapped in tmux's passthrough (DCS `tmux;` … ST), every ESC inside
/// doubled, so tmux hands it to the outer terminal unchanged.
pub fn tmux_passthrough(sequence: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
}

/// The bytes to write to the terminal for `text` on `route`.
pub fn terminal_sequence(text: &str, route: TerminalRoute) -> String {
    match route {
        TerminalRoute::Direct | TerminalRoute::Tmux => osc52(text),
        TerminalRoute::TmuxPassthrough => tmux_passthrough(&osc52(text)),
    }
}

/// The route for a program inside tmux (`in_tmux`) whose `set-clipboard` option reads
/// `set_clipboard` (`None`: not known, as when tmux did not answer).
pub fn route_for(in_tmux: bool, set_clipboard: Option<&str>) -> TerminalRoute {
    match (in_tmux, set_clipboard.map(str::trim)) {
        (false, _) => TerminalRoute::Direct,
        (true, Some("on")) => TerminalRoute::Tmux,
        (true, _) => TerminalRoute::TmuxPassthrough,
    }
}

/// tmux's `set-clipboard`, once asked.
static TMUX_SET_CLIPBOARD: OnceLock<Option<String>> = OnceLock::new();

fn in_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
}

/// Asks tmux, on a thread of its own, whether it takes OSC 52 itself. Called once at
/// start; a copy made before the answer (or when tmux does not answer within the time
/// limit) uses the passthrough.
pub fn detect_terminal_route() {
    if !in_tmux() {
        return;
    }
    thread::spawn(|| {
        let answer = run_with_limit(
            Command::new("tmux").args(["show-options", "-gv", "set-clipboard"]),
            None,
        )
        .ok()
        .filter(|(ok, _)| *ok)
        .map(|(_, out)| out);
        let _ = TMUX_SET_CLIPBOARD.set(answer);
    });
}

/// The route for this process, as far as it is known now.
pub fn terminal_route() -> TerminalRoute {
    let known = TMUX_SET_CLIPBOARD.get().and_then(|a| a.as_deref());
    route_for(in_tmux(), known)
}

/// How long a clipboard tool may take before it is given up on.
pub const TOOL_TIME_LIMIT: Duration = Duration::from_secs(3);

/// The clipboard tools, in the order they are tried.
const TOOLS: [(&str, &[&str]); 5] = [
    ("wl-copy", &[]),
    ("xclip", &["-selection", "clipboard"]),
    ("xsel", &["--clipboard", "--input"]),
    ("pbcopy", &[]),
    ("clip.exe", &[]),
];

/// Runs `command` within [`TOOL_TIME_LIMIT`]: fed `input` when there is some (a tool),
/// else with its output read (a question to tmux). `Ok((exited 0, output))`,
/// `Err(None)` when it cannot be started, `Err(Some(()))` when it was stopped for
/// taking too long. A tool's output is never read: `xclip` and `wl-copy` leave a
/// process behind that serves the clipboard and would hold the pipe open.
fn run_with_limit(
    command: &mut Command,
    input: Option<&str>,
) -> Result<(bool, String), Option<()>> {
    let (stdin, stdout) = match input {
        Some(_) => (Stdio::piped(), Stdio::null()),
        None => (Stdio::null(), Stdio::piped()),
    };
    let mut child = command
        .stdin(stdin)
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| None)?;
    let stdin = child.stdin.take();
    let text = input.unwrap_or_default().to_string();
    // A tool that never reads blocks this write; the watch below ends it.
    let writer = thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(text.as_bytes());
        }
    });
    let mut stdout = child.stdout.take();
    let reader = thread::spawn(move || {
        let mut out = String::new();
        if let Some(stdout) = stdout.as_mut() {
            let _ = io::Read::read_to_string(stdout, &mut out);
        }
        out
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Err(_) => break None,
            Ok(None) if started.elapsed() > TOOL_TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(20)),
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    match status {
        Some(status) => Ok((status.success(), out)),
        None => Err(Some(())),
    }
}

/// Feeds `text` to the clipboard tools in turn until one takes it.
fn run_tools(text: &str) -> ToolOutcome {
    let mut outcome = ToolOutcome::NoTool;
    for (tool, args) in TOOLS {
        match run_with_limit(Command::new(tool).args(args), Some(text)) {
            Ok((true, _)) => return ToolOutcome::Confirmed(tool),
            Ok((false, _)) => outcome = ToolOutcome::Failed(tool),
            Err(Some(())) => return ToolOutcome::GaveUp(tool),
            Err(None) => {}
        }
    }
    outcome
}

/// Copies `text`: the terminal sequence is written at once (on the caller's thread, the
/// UI thread, between two frames, so it never lands inside one), then the tools run on
/// a thread of their own and `delivered` hears how it went.
pub fn copy(text: &str, delivered: impl FnOnce(Delivery) + Send + 'static) {
    let route = terminal_route();
    let mut out = io::stdout();
    let _ = out.write_all(terminal_sequence(text, route).as_bytes());
    let _ = out.flush();
    let text = text.to_string();
    thread::spawn(move || {
        let tool = run_tools(&text);
        delivered(Delivery { route, tool });
    });
}

/// Where [`save`] writes: the Downloads folder when the system names one that exists,
/// else the current folder.
pub fn save_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| dirs.download_dir().map(Path::to_path_buf))
        .filter(|dir| dir.is_dir())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Writes `text` to a new file `casebook-copy[-N].{extension}` in `folder`, on a thread
/// of its own; `saved` hears the path, or what went wrong, escaped for the status bar.
pub fn save(
    text: String,
    folder: PathBuf,
    extension: &'static str,
    saved: impl FnOnce(Result<String, String>) + Send + 'static,
) {
    thread::spawn(move || {
        let result = write_numbered(&folder, extension, text.as_bytes())
            .map(|path| {
                let shown = std::fs::canonicalize(&path).unwrap_or(path);
                crate::text::quoted_path(&shown)
            })
            .map_err(|e| crate::text::quoted(&e.to_string()).into_owned());
        saved(result);
    });
}

/// Writes `bytes` under the first free name `casebook-copy.ext`, `casebook-copy-2.ext`, …
fn write_numbered(folder: &Path, extension: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    for n in 1..1000 {
        let name = if n == 1 {
            format!("casebook-copy.{extension}")
        } else {
            format!("casebook-copy-{n}.{extension}")
        };
        let path = folder.join(name);
        match crate::safe_write::write_new_file(folder, &path, bytes) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::ErrorKind::AlreadyExists.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        assert_eq!(osc52("울산"), "\x1b]52;c;7Jq47IKw\x07");
    }

    #[test]
    fn the_tmux_passthrough_doubles_every_escape_and_ends_with_st() {
        let wrapped = tmux_passthrough("\x1b]52;c;YQ==\x07");
        assert_eq!(wrapped, "\x1bPtmux;\x1b\x1b]52;c;YQ==\x07\x1b\\");
        // Only the opening and closing escapes stand alone.
        let inner = &wrapped["\x1bPtmux;".len()..wrapped.len() - 2];
        assert!(!inner.replace("\x1b\x1b", "").contains('\x1b'), "{inner:?}");
    }

    #[test]
    fn the_route_follows_tmux_and_its_set_clipboard() {
        assert_eq!(route_for(false, Some("on")), TerminalRoute::Direct);
        assert_eq!(route_for(true, Some("on\n")), TerminalRoute::Tmux);
        assert_eq!(
            route_for(true, Some("external")),
            TerminalRoute::TmuxPassthrough
        );
        assert_eq!(route_for(true, Some("off")), TerminalRoute::TmuxPassthrough);
        assert_eq!(route_for(true, None), TerminalRoute::TmuxPassthrough);
        let text = "y";
        assert_eq!(terminal_sequence(text, TerminalRoute::Tmux), osc52(text));
        assert!(terminal_sequence(text, TerminalRoute::TmuxPassthrough).starts_with("\x1bPtmux;"));
    }

    #[test]
    fn saving_never_overwrites_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = write_numbered(dir.path(), "md", b"# one\n").expect("first");
        let second = write_numbered(dir.path(), "md", b"# two\n").expect("second");
        assert_eq!(first.file_name().unwrap(), "casebook-copy.md");
        assert_eq!(second.file_name().unwrap(), "casebook-copy-2.md");
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "# one\n");
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "# two\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
