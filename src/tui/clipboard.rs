//! Putting copied Markdown on the system clipboard: through the terminal (OSC 52) and,
//! where one is installed, a clipboard tool as well, since either alone can be missing.
//!
//! Nothing here runs on the UI thread for long: the tool is fed and waited for on a
//! thread of its own, within a time limit.
//!
//! Depends on nothing in the crate.

use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The OSC 52 sequence that asks the terminal to put `text` on the system clipboard. It
/// travels through SSH and tmux (with `set-clipboard on`), where no local tool can reach.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// How long a clipboard tool may take before it is given up on.
const TOOL_TIME_LIMIT: Duration = Duration::from_secs(3);

/// Copies through the terminal (OSC 52) and through the first clipboard tool found.
/// The tool is fed and waited for on its own thread, within [`TOOL_TIME_LIMIT`]; one
/// that does not answer (a dead X display over SSH) is stopped, and `gave_up` hears of
/// it with the tool's name.
pub fn copy(text: &str, gave_up: impl FnOnce(&'static str) + Send + 'static) {
    let mut out = io::stdout();
    let _ = out.write_all(osc52(text).as_bytes());
    let _ = out.flush();
    let tools: [(&'static str, &[&str]); 4] = [
        ("wl-copy", &[]),
        ("xclip", &["-selection", "clipboard"]),
        ("xsel", &["--clipboard", "--input"]),
        ("pbcopy", &[]),
    ];
    for (tool, args) in tools {
        let spawned = Command::new(tool)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = spawned {
            let stdin = child.stdin.take();
            let text = text.to_string();
            thread::spawn(move || {
                // A tool that never reads blocks this write; the watch below ends it.
                let writer = thread::spawn(move || {
                    if let Some(mut stdin) = stdin {
                        let _ = stdin.write_all(text.as_bytes());
                    }
                });
                let started = Instant::now();
                loop {
                    match child.try_wait() {
                        Ok(Some(_)) | Err(_) => break,
                        Ok(None) if started.elapsed() > TOOL_TIME_LIMIT => {
                            let _ = child.kill();
                            let _ = child.wait();
                            gave_up(tool);
                            break;
                        }
                        Ok(None) => thread::sleep(Duration::from_millis(20)),
                    }
                }
                let _ = writer.join();
            });
            break;
        }
    }
}
