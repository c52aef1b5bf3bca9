//! Putting copied Markdown on the system clipboard: through the terminal (OSC 52) and,
//! where one is installed, a clipboard tool as well, since either alone can be missing.
//!
//! Depends on nothing in the crate.

use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::thread;

/// The OSC 52 sequence that asks the terminal to put `text` on the system clipboard. It
/// travels through SSH and tmux (with `set-clipboard on`), where no local tool can reach.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// Copies through the terminal (OSC 52) and through the first clipboard tool found.
pub fn copy(text: &str) {
    let mut out = io::stdout();
    let _ = out.write_all(osc52(text).as_bytes());
    let _ = out.flush();
    let tools: [(&str, &[&str]); 4] = [
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
            // Written and reaped off the UI thread: a tool that never reads its input
            // (a dead X display over SSH) must not freeze the explorer.
            thread::spawn(move || {
                if let Some(mut stdin) = stdin {
                    let _ = stdin.write_all(text.as_bytes());
                }
                let _ = child.wait();
            });
            break;
        }
    }
}
