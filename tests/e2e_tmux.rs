//! End to end, as a person would: the real binary in a real terminal (tmux), driven by
//! key presses in Korean and English, read back from the screen.
//!
//! The binary is `CASEBOOK_E2E_BIN` when set (`.ci/run` points it at the release build),
//! else the one cargo built for this test run. tmux is installed by `.ci/run`; on a
//! machine without it the tests say so and pass, except under CI (`CI` set), where a
//! missing tmux is a failure rather than a silent skip.

mod common;
use common::{char_at_column, copy_dir};

use std::path::PathBuf;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};
use unicode_width::UnicodeWidthStr;

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `None` (after a loud notice) when these tests cannot run here.
fn session(name: &str, width: u16, height: u16, env: &str) -> Option<Tmux> {
    session_full(name, width, height, env, "/dev/null", "")
}

/// [`session`] with the tmux server reading `config` (a file of tmux commands) first.
fn session_with_config(
    name: &str,
    width: u16,
    height: u16,
    env: &str,
    config: &str,
) -> Option<Tmux> {
    session_full(name, width, height, env, config, "")
}

/// A session running casebook with `args`.
fn session_with_args(name: &str, width: u16, height: u16, env: &str, args: &str) -> Option<Tmux> {
    session_full(name, width, height, env, "/dev/null", args)
}

/// A session running casebook with `args`, the tmux server reading `config` first. Each
/// session remembers into a state file of its own (`CASEBOOK_STATE`, which `env` may set
/// to share one between sessions), so no test resumes where another, or the developer,
/// left off.
fn session_full(
    name: &str,
    width: u16,
    height: u16,
    env: &str,
    config: &str,
    args: &str,
) -> Option<Tmux> {
    if !tmux_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required under CI; .ci/run installs it"
        );
        eprintln!(
            "NOTE: tmux not found; skipping the end-to-end test {name} (run .ci/run to install it)"
        );
        return None;
    }
    let binary = std::env::var_os("CASEBOOK_E2E_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_casebook")));
    let socket = format!("casebook-e2e-{}-{name}", std::process::id());
    let tmux = Tmux::new(socket, config);
    // After casebook exits, the shell prints its status and what the terminal looks like,
    // so the test can see the screen was given back.
    let script = format!(
        "CASEBOOK_CONFIG=/nonexistent/casebook-config.toml CASEBOOK_STATE={state} {env} {bin} {args}; echo CASEBOOK_EXIT=$?; stty -a | grep -o -- '-icanon\\|icanon' | head -1; echo SHELL_DONE; sleep 30",
        state = tmux.state_file().display(),
        bin = binary.display()
    );
    tmux.start(width, height, &["sh", "-c", &script]);
    Some(tmux)
}

struct Tmux {
    socket: String,
    /// The file of tmux commands the server reads at start (`/dev/null`: none).
    config: String,
    /// Holds this session's state file.
    state: tempfile::TempDir,
}

impl Tmux {
    fn new(socket: String, config: &str) -> Tmux {
        Tmux {
            socket,
            config: config.to_string(),
            state: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    fn state_file(&self) -> PathBuf {
        self.state.path().join("state.json")
    }

    /// A detached session of `width` × `height` running `command`.
    fn start(&self, width: u16, height: u16, command: &[&str]) {
        // -u: tmux treats the pane as UTF-8 whatever the locale of the machine running it.
        let status = Command::new("tmux")
            .args([
                "-u",
                "-L",
                &self.socket,
                "-f",
                &self.config,
                "new-session",
                "-d",
                "-x",
            ])
            .arg(width.to_string())
            .arg("-y")
            .arg(height.to_string())
            .args(command)
            .status()
            .expect("tmux starts");
        assert!(status.success(), "tmux new-session failed");
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-u")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).into_owned()
    }

    /// Presses named keys one at a time. A pause after each keeps Escape apart from the
    /// next key, as a person's typing does (ESC followed at once by `/` reads as Alt-/).
    fn keys(&self, keys: &[&str]) {
        for key in keys {
            assert!(self.run(&["send-keys", key]).status.success());
            sleep(Duration::from_millis(if *key == "Escape" {
                150
            } else {
                30
            }));
        }
    }

    /// Types text literally (Hangul included), one character at a time like a person.
    fn type_text(&self, text: &str) {
        for c in text.chars() {
            assert!(self
                .run(&["send-keys", "-l", &c.to_string()])
                .status
                .success());
            sleep(Duration::from_millis(20));
        }
    }

    fn format(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.run(&["display-message", "-p", format]).stdout)
            .trim()
            .to_string()
    }

    /// Waits until the screen shows `needle`; fails with the screen if it never does.
    fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needle:?}; the screen shows:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; the screen shows:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// casebook's process id: the pane runs `sh -c`, and casebook is its child.
    fn casebook_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let children = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep");
        let pid = String::from_utf8_lossy(&children.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        assert!(
            !pid.is_empty(),
            "casebook's pid not found under shell {shell}"
        );
        pid
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The detail pane's first line: the item on screen.
fn detail_title(screen: &str) -> String {
    let line = screen.lines().nth(2).unwrap_or("");
    line.split_once("││")
        .map(|(_, right)| right.trim_end().trim_end_matches('│').trim().to_string())
        .unwrap_or_default()
}

/// The selected row of the list pane.
fn selected_row(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.starts_with("│▶"))
        .and_then(|l| l.split("││").next())
        .unwrap_or("")
        .to_string()
}

/// Back in canonical (cooked) mode and out of the alternate screen.
fn assert_cooked_and_off_the_alternate_screen(tmux: &Tmux, screen: &str) {
    assert!(
        screen.lines().any(|l| l.trim() == "icanon"),
        "terminal left in raw mode:\n{screen}"
    );
    assert_eq!(
        tmux.format("#{alternate_on}"),
        "0",
        "still in the alternate screen"
    );
}

fn assert_terminal_given_back(tmux: &Tmux) {
    assert_terminal_given_back_with(tmux, 0);
}

fn assert_terminal_given_back_with(tmux: &Tmux, status: u8) {
    let screen = tmux.wait_for("SHELL_DONE");
    assert!(
        screen.contains(&format!("CASEBOOK_EXIT={status}\n")),
        "casebook did not exit with status {status}:\n{screen}"
    );
    assert_cooked_and_off_the_alternate_screen(tmux, &screen);
    // Nothing of the UI left.
    assert!(
        !screen.contains('┌'),
        "explorer still drawn after exit:\n{screen}"
    );
}

#[test]
fn a_person_searches_in_korean_and_english_follows_a_link_and_quits() {
    let Some(tmux) = session("walk", 120, 35, "LANG=ko_KR.UTF-8") else {
        return;
    };
    tmux.wait_for("1 사례");

    // Korean syllables: the look-up a meeting needs.
    tmux.keys(&["/"]);
    tmux.wait_for("검색");
    tmux.type_text("샌디에이고");
    let screen = tmux.wait_until("San Diego in the detail", |s| {
        detail_title(s).starts_with("샌디에고")
    });
    assert!(
        screen.contains("/ 샌디에이고"),
        "the input shows what was typed:\n{screen}"
    );
    tmux.keys(&["Escape"]);

    // Initial consonants, then Enter jumps to the case.
    tmux.keys(&["/"]);
    tmux.type_text("ㅇㅅ");
    tmux.wait_until("a result for ㅇㅅ", |s| {
        s.contains("/ ㅇㅅ") && s.contains("▶")
    });
    tmux.keys(&["C-u"]);
    tmux.type_text("ㄷㄷ");
    tmux.wait_until("Daedeok for ㄷㄷ", |s| {
        detail_title(s).starts_with("대덕")
    });
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_until("search closed on Daedeok", |s| {
        !s.contains("/ ㄷㄷ") && detail_title(s).starts_with("대덕")
    });
    assert!(
        screen.contains("116개"),
        "Daedeok's figures on screen:\n{screen}"
    );

    // Select the first link in the detail (Enter brings it into view), follow it, and
    // come back.
    tmux.keys(&["Enter", "Enter"]);
    let followed = tmux.wait_until("another item after following the link", |s| {
        let title = detail_title(s);
        !title.is_empty() && !title.starts_with("대덕")
    });
    assert!(
        detail_title(&followed).starts_with("비전 제시자"),
        "the first link is Daedeok's vision provider:\n{followed}"
    );
    tmux.keys(&["BSpace"]);
    // Back restores the place left, scroll position included, like a browser.
    tmux.wait_until("back on Daedeok", |s| {
        // The detail is Daedeok's again, scrolled to where the link was: below its
        // key figures, each with its reference.
        selected_row(s).contains("대덕")
            && s.contains("대덕 조성 시작 연도")
            && !detail_title(s).starts_with("비전")
    });

    // English, and the language switch.
    tmux.keys(&["/"]);
    tmux.type_text("toyota");
    tmux.wait_until("Toyota", |s| detail_title(s).starts_with("도요타"));
    tmux.keys(&["Enter", "L"]);
    tmux.wait_until("English labels", |s| {
        s.contains("1 Cases") && detail_title(s).starts_with("Toyota")
    });

    // Move in the list.
    tmux.keys(&["Escape", "g", "j"]);
    tmux.wait_until("second case selected", |s| {
        s.lines().nth(3).is_some_and(|l| l.contains('▶'))
    });

    // A tiny window says how large it must be; growing it back restores the explorer.
    tmux.run(&["resize-window", "-x", "40", "-y", "10"]);
    tmux.wait_for("Make the window at least 60×15");
    tmux.run(&["resize-window", "-x", "120", "-y", "35"]);
    tmux.wait_for("1 Cases");

    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

#[test]
fn ctrl_c_quits_and_gives_the_terminal_back() {
    let Some(tmux) = session("ctrlc", 80, 24, "LANG=en_US.UTF-8") else {
        return;
    };
    tmux.wait_for("1 Cases");
    tmux.keys(&["/"]);
    tmux.type_text("brenta");
    tmux.wait_for("Brenta");
    tmux.keys(&["C-c"]);
    // 130, as a shell reports a command ended by Ctrl-C (fzf does the same).
    assert_terminal_given_back_with(&tmux, 130);
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back() {
    for signal in ["TERM", "HUP"] {
        let Some(tmux) = session(&format!("sig{signal}"), 100, 30, "LANG=en_US.UTF-8") else {
            return;
        };
        tmux.wait_for("1 Cases");
        let pid = tmux.casebook_pid();
        assert!(Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("kill")
            .success());
        assert_terminal_given_back(&tmux);
        // Asked to stop, casebook still wrote down where it was.
        let memory = std::fs::read_to_string(tmux.state_file()).unwrap_or_default();
        assert!(
            memory.contains("\"place\""),
            "nothing saved on SIG{signal}: {memory:?}"
        );
    }
}

#[test]
fn a_broken_file_is_reported_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("cases");
    copy_dir(&cases, dir.path());
    std::fs::write(
        dir.path().join("cases/broken.yaml"),
        "id: broken\nname: [\n",
    )
    .expect("write");
    let env = format!("LANG=en_US.UTF-8 CASEBOOK_CASES={}", dir.path().display());
    let Some(tmux) = session("broken", 120, 35, &env) else {
        return;
    };
    let screen = tmux.wait_until("the status bar", |s| s.contains("press e"));
    assert!(
        screen.contains("1 file skipped"),
        "status bar names the problem:\n{screen}"
    );
    assert!(
        screen.contains("Cases 24"),
        "every good case loads:\n{screen}"
    );
    tmux.keys(&["e"]);
    tmux.wait_for("broken.yaml:");
    tmux.keys(&["Escape", "q"]);
    assert_terminal_given_back(&tmux);
}

#[test]
fn editing_a_case_file_updates_the_open_explorer() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("cases"),
        dir.path(),
    );
    let env = format!("LANG=ko_KR.UTF-8 CASEBOOK_CASES={}", dir.path().display());
    let Some(tmux) = session("reload", 120, 35, &env) else {
        return;
    };
    tmux.wait_for("1 사례");
    tmux.keys(&["/"]);
    tmux.type_text("이천");
    tmux.wait_until("Icheon", |s| detail_title(s).starts_with("이천"));
    tmux.keys(&["Enter"]);
    let path = dir.path().join("cases/icheon.yaml");
    let good = std::fs::read_to_string(&path).expect("read");
    let fixed = good.replacen("이천 도자기클러스터", "이천 도자기클러스터 (수정됨)", 1);
    std::fs::write(&path, &fixed).expect("write");
    tmux.wait_until("the edited name", |s| detail_title(s).contains("(수정됨)"));
    // A broken save: the good data stays and the status bar says what is wrong.
    std::fs::write(&path, "id: icheon\nname: {ko: 이천\n").expect("write");
    let screen = tmux.wait_until("the error in the status bar", |s| {
        s.contains("파일 1개 건너뜀")
    });
    assert!(
        detail_title(&screen).contains("(수정됨)"),
        "the last good version is still shown:\n{screen}"
    );
    std::fs::write(&path, &fixed).expect("write");
    tmux.wait_until("the error gone", |s| !s.contains("건너뜀"));
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// Regression: once its terminal hung up (window closed, SSH dropped), casebook used to
/// spin inside crossterm's event poll forever, ignoring even SIGTERM.
#[test]
fn closing_the_terminal_ends_casebook() {
    let Some(tmux) = session("hangup", 100, 30, "LANG=en_US.UTF-8") else {
        return;
    };
    tmux.wait_for("1 Cases");
    let pid = tmux.casebook_pid();
    tmux.run(&["kill-server"]);
    let proc_dir = PathBuf::from(format!("/proc/{pid}"));
    let deadline = Instant::now() + Duration::from_secs(10);
    while proc_dir.exists() {
        let state = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
        if state.split_whitespace().nth(2) == Some("Z") {
            break; // exited; only its parent has not collected it yet
        }
        assert!(
            Instant::now() < deadline,
            "casebook still running after its terminal closed"
        );
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_crash_gives_the_terminal_back_and_says_what_happened() {
    let Some(tmux) = session("panic", 100, 30, "LANG=en_US.UTF-8 CASEBOOK_TEST_PANIC=1") else {
        return;
    };
    tmux.wait_for("1 Cases");
    tmux.keys(&["/"]);
    let screen = tmux.wait_for("SHELL_DONE");
    assert!(
        screen.contains("casebook stopped because of an internal error"),
        "{screen}"
    );
    assert!(
        screen.contains("The terminal has been restored"),
        "{screen}"
    );
    assert_cooked_and_off_the_alternate_screen(&tmux, &screen);
}

/// Regression: a box drawn where a Hangul syllable straddled its left edge lost its
/// border there, and the syllables underneath showed inside it.
#[test]
fn an_overlay_over_hangul_keeps_its_left_border_on_every_row() {
    for (width, height, left) in [(120u16, 35u16, 22usize), (80, 24, 2)] {
        let Some(tmux) = session(
            &format!("overlay{width}"),
            width,
            height,
            "LANG=ko_KR.UTF-8",
        ) else {
            return;
        };
        tmux.wait_for("1 사례");
        for view in ["5", "M", "1"] {
            tmux.keys(&[view]);
            sleep(Duration::from_millis(100));
            tmux.keys(&["?"]);
            let screen = tmux.wait_for("도움말 —");
            let rows: Vec<&str> = screen.lines().collect();
            for (y, row) in rows.iter().enumerate().take(height as usize - 2).skip(2) {
                assert_eq!(
                    char_at_column(row, left),
                    Some('│'),
                    "{width}x{height}, after {view} ?: row {y} has no left border:\n{screen}"
                );
            }
            tmux.keys(&["Escape"]);
            tmux.wait_until("the help closed", |s| !s.contains("도움말 —"));
            if view == "M" {
                tmux.keys(&["Escape"]);
                tmux.wait_until("the matrix closed", |s| !s.contains("역할 강도 매트릭스 —"));
            }
        }
        tmux.keys(&["q"]);
        assert_terminal_given_back(&tmux);
    }
}

/// `q` closes what is on top (help, load problems, matrix, timeline, presenter,
/// compare) and quits only from the main view.
#[test]
fn q_closes_overlays_and_views_and_quits_only_from_the_main_view() {
    let Some(tmux) = session("qclose", 120, 35, "LANG=en_US.UTF-8") else {
        return;
    };
    tmux.wait_for("1 Cases");
    let main_view =
        |s: &str| s.contains("1 Cases") && s.contains("Cases 24") && s.contains("q quit");
    for (key, shown) in [
        ("?", "Help —"),
        ("e", "Load problems —"),
        ("M", "Role matrix —"),
        ("T", "Era timeline of clusters"),
        ("p", "Compare —"),
    ] {
        tmux.keys(&[key]);
        tmux.wait_for(shown);
        tmux.keys(&["q"]);
        let screen = tmux.wait_until(&format!("{shown} closed by q"), |s| !s.contains(shown));
        assert!(
            main_view(&screen),
            "q after {key} left the main view:\n{screen}"
        );
    }
    tmux.keys(&["P"]);
    tmux.wait_until("presenter mode", |s| !s.contains('┌'));
    tmux.keys(&["q"]);
    tmux.wait_until("the main view again", main_view);
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// An interactive shell in tmux, for job control: casebook is started by typing its
/// command, as a person does.
fn shell_session(name: &str, width: u16, height: u16) -> Option<Tmux> {
    if !tmux_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required under CI"
        );
        return None;
    }
    let socket = format!("casebook-e2e-{}-{name}", std::process::id());
    let tmux = Tmux::new(socket, "/dev/null");
    let state = format!("CASEBOOK_STATE={}", tmux.state_file().display());
    let status = Command::new("tmux")
        .args([
            "-u",
            "-L",
            &tmux.socket,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
        ])
        .arg(width.to_string())
        .arg("-y")
        .arg(height.to_string())
        .args([
            "env",
            "PS1=$ ",
            "LANG=en_US.UTF-8",
            "CASEBOOK_CONFIG=/nonexistent/casebook-config.toml",
            &state,
            "bash",
            "--norc",
            "--noprofile",
            "-i",
        ])
        .status()
        .expect("tmux starts");
    assert!(status.success(), "tmux new-session failed");
    Some(tmux)
}

/// Ctrl-Z (and a SIGTSTP from outside) gives the terminal back to the shell; `fg`
/// brings the explorer back where it was, with the whole screen drawn again.
#[test]
fn ctrl_z_suspends_and_fg_brings_the_explorer_back() {
    let Some(tmux) = shell_session("suspend", 100, 30) else {
        return;
    };
    let binary = std::env::var_os("CASEBOOK_E2E_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_casebook")));
    tmux.wait_for("$");
    tmux.run(&["send-keys", "-l", &binary.display().to_string()]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("1 Cases");
    tmux.keys(&["3"]);
    tmux.wait_for("Success factors");
    for stop in ["key", "signal"] {
        if stop == "key" {
            tmux.keys(&["C-z"]);
        } else {
            let pid = tmux.casebook_pid();
            assert!(Command::new("kill")
                .args(["-TSTP", &pid])
                .status()
                .expect("kill")
                .success());
        }
        let screen = tmux.wait_for("Stopped");
        assert_eq!(
            tmux.format("#{alternate_on}"),
            "0",
            "still on the alternate screen after {stop}:\n{screen}"
        );
        tmux.run(&[
            "send-keys",
            "-l",
            "stty -a | grep -o -- '-icanon\\|icanon' | head -1",
        ]);
        tmux.keys(&["Enter"]);
        let screen = tmux.wait_until("stty's answer", |s| {
            s.lines()
                .any(|l| l.trim() == "icanon" || l.trim() == "-icanon")
        });
        assert!(
            screen.lines().any(|l| l.trim() == "icanon"),
            "the shell got a raw terminal after {stop}:\n{screen}"
        );
        tmux.run(&["send-keys", "-l", "clear; fg"]);
        tmux.keys(&["Enter"]);
        let screen = tmux.wait_until("the explorer redrawn", |s| {
            s.contains("1 Cases") && s.contains("Success factors 24") && s.contains("casebook")
        });
        assert!(
            !screen.contains("Stopped"),
            "stale screen after fg:\n{screen}"
        );
        assert_eq!(tmux.format("#{alternate_on}"), "1");
        // Keys work again.
        tmux.keys(&["1"]);
        tmux.wait_for("Cases 24");
        tmux.keys(&["3"]);
        tmux.wait_for("Success factors 24");
    }
    tmux.keys(&["q"]);
    tmux.run(&["send-keys", "-l", "echo STATUS=$?"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("STATUS=0");
}

/// Runs several tmux commands in one invocation, so their keys reach casebook in one
/// burst, as an IME's commit and Enter do.
fn burst(tmux: &Tmux, commands: &[&[&str]]) {
    let mut args: Vec<&str> = Vec::new();
    for (i, command) in commands.iter().enumerate() {
        if i > 0 {
            args.push(";");
        }
        args.extend_from_slice(command);
    }
    assert!(tmux.run(&args).status.success());
}

/// Regression: Enter acted on the results on screen, so the last syllable committed
/// together with Enter (`울`, then `산`+Enter) opened 울루 (Oulu) instead of 울산.
#[test]
fn the_last_syllable_and_enter_in_one_burst_open_the_item_the_query_names() {
    // Every search takes 150 ms here, as on a large collection: Enter always arrives
    // before the answer to the syllable committed with it.
    let env = "LANG=ko_KR.UTF-8 CASEBOOK_TEST_SEARCH_DELAY_MS=150";
    let Some(tmux) = session("burst", 120, 35, env) else {
        return;
    };
    tmux.wait_for("1 사례");
    let queries = [
        ("울", "산", "울산"),
        ("대", "덕", "대덕"),
        ("이", "천", "이천"),
        ("브렌", "타", "브렌타"),
        ("도요타", "시", "도요타시"),
    ];
    for round in 0..3 {
        for (typed, last, expected) in queries {
            tmux.keys(&["/"]);
            tmux.wait_for("┌ 검색 ·");
            tmux.type_text(typed);
            burst(
                &tmux,
                &[&["send-keys", "-l", last], &["send-keys", "Enter"]],
            );
            let screen = tmux.wait_until(&format!("{expected} opened"), |s| {
                !s.contains("┌ 검색 ·") && detail_title(s).contains(expected)
            });
            assert!(
                detail_title(&screen).contains(expected),
                "round {round}: {typed}{last}+Enter opened {:?}:\n{screen}",
                detail_title(&screen)
            );
            tmux.keys(&["Escape"]);
        }
    }
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// A paste is text for the search box: a name pasted with its line break finds the
/// name and presses nothing; letters pasted into the list never run as commands.
#[test]
fn a_paste_searches_and_never_runs_keys_or_enter() {
    let env = "LANG=ko_KR.UTF-8 CASEBOOK_TEST_SEARCH_DELAY_MS=100";
    let Some(tmux) = session("paste", 100, 30, env) else {
        return;
    };
    tmux.wait_for("1 사례");
    for (pasted, expected) in [
        ("이천\n", "이천"),
        ("Brenta\n", "브렌타"),
        ("샌디에이고\r\n", "샌디에고"),
    ] {
        for _ in 0..3 {
            assert!(tmux.run(&["set-buffer", "--", pasted]).status.success());
            assert!(tmux.run(&["paste-buffer", "-p"]).status.success());
            let screen = tmux.wait_until(&format!("results for {expected}"), |s| {
                s.contains("┌ 검색 ·") && detail_title(s).contains(expected)
            });
            assert!(
                screen.contains(&format!("/ {}", pasted.trim_end())),
                "the paste is the query:\n{screen}"
            );
            tmux.keys(&["Escape"]);
            tmux.wait_until("the box closed", |s| !s.contains("┌ 검색 ·"));
        }
    }
    // `T` would open the timeline, `y` copy, `q` quit: pasted, they are only a query.
    assert!(tmux.run(&["set-buffer", "Tyq"]).status.success());
    assert!(tmux.run(&["paste-buffer", "-p"]).status.success());
    // No item says "Tyq": once the search has answered, the screen is the search box
    // with nothing found, not the timeline (the list may show 연표에만 등장 while the
    // search runs, so only the answered screen is read).
    let screen = tmux.wait_until("Tyq answered", |s| {
        s.contains("/ Tyq") && s.contains("일치하는 항목이 없습니다")
    });
    assert!(
        !screen.contains("시기별 클러스터 연표"),
        "the paste ran T:\n{screen}"
    );
    tmux.keys(&["Escape"]);
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// Within tmux's escape-time, Esc and `j` arrive as Alt-j: the box closes and j moves.
#[test]
fn escape_then_a_key_at_once_closes_the_box_and_runs_the_key() {
    let Some(tmux) = session("escj", 100, 30, "LANG=en_US.UTF-8") else {
        return;
    };
    tmux.wait_for("1 Cases");
    let first = selected_row(&tmux.screen());
    tmux.keys(&["/"]);
    tmux.wait_for("┌ Search ·");
    burst(&tmux, &[&["send-keys", "Escape"], &["send-keys", "j"]]);
    let screen = tmux.wait_until("the box closed and the selection moved", |s| {
        !s.contains("┌ Search ·") && selected_row(s) != first
    });
    assert!(selected_row(&screen).contains('▶'), "{screen}");
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// After a Korean query the input method is usually still on, so `j` `k` `q` arrive as
/// ㅓ ㅏ ㅂ: they must still move, close and quit.
#[test]
fn command_keys_work_with_the_korean_input_method_left_on() {
    let Some(tmux) = session("jamo", 100, 30, "LANG=ko_KR.UTF-8") else {
        return;
    };
    tmux.wait_for("1 사례");
    let first = selected_row(&tmux.screen());
    tmux.type_text("ㅓ");
    let moved = tmux.wait_until("ㅓ moved down", |s| selected_row(s) != first);
    tmux.type_text("ㅏ");
    tmux.wait_until("ㅏ moved back up", |s| selected_row(s) == first);
    assert_ne!(selected_row(&moved), first);
    tmux.type_text("?");
    tmux.wait_for("도움말 —");
    tmux.type_text("ㅂ");
    tmux.wait_until("ㅂ closed the help", |s| !s.contains("도움말 —"));
    tmux.type_text("ㅆ"); // Shift+t: the timeline
    tmux.wait_for("시기별 클러스터 연표");
    tmux.type_text("ㅂ");
    tmux.wait_until("ㅂ closed the timeline", |s| {
        !s.contains("시기별 클러스터 연표")
    });
    tmux.type_text("ㅂ");
    assert_terminal_given_back(&tmux);
}

/// A clipboard tool that never answers (a dead X display over SSH) is given up on
/// with a notice; the explorer stays responsive meanwhile.
#[test]
fn a_clipboard_tool_that_hangs_is_given_up_on_and_keys_keep_working() {
    let tools = tempfile::tempdir().expect("tempdir");
    let fake = tools.path().join("wl-copy");
    std::fs::write(&fake, "#!/bin/sh\nexec sleep 60\n").expect("write");
    std::fs::set_permissions(&fake, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod");
    let path = std::env::var("PATH").unwrap_or_default();
    let env = format!("LANG=en_US.UTF-8 PATH={}:{path}", tools.path().display());
    let Some(tmux) = session("clipboard", 100, 30, &env) else {
        return;
    };
    tmux.wait_for("1 Cases");
    let first = selected_row(&tmux.screen());
    tmux.keys(&["y"]);
    tmux.wait_for("copied");
    tmux.keys(&["j"]);
    tmux.wait_until("j moved while the tool hangs", |s| selected_row(s) != first);
    tmux.wait_for("wl-copy did not answer");
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// Marks as a meeting uses them, in a real terminal without colour: `m` puts a `✓` in the
/// row's mark column (one column wide, the pane's border stays put), the status bar names
/// the marked cases, and `u` takes every mark away.
#[test]
fn marks_show_on_the_rows_and_the_status_bar_and_u_clears_them() {
    let Some(tmux) = session("marks", 100, 30, "LANG=ko_KR.UTF-8 NO_COLOR=1") else {
        return;
    };
    tmux.wait_for("1 사례");
    tmux.keys(&["m", "j", "m"]);
    let screen = tmux.wait_for("✓ 비교 2/4: ");
    let marked: Vec<&str> = screen
        .lines()
        .filter(|l| l.starts_with("│ ✓ ") || l.starts_with("│▶✓ "))
        .collect();
    assert_eq!(marked.len(), 2, "two rows carry the mark:\n{screen}");
    let unmarked = screen
        .lines()
        .find(|l| l.starts_with("│   "))
        .expect("an unmarked row");
    for row in &marked {
        assert_eq!(
            row.find("││").map(|i| row[..i].width()),
            unmarked.find("││").map(|i| unmarked[..i].width()),
            "the mark takes one column: {row}"
        );
    }
    let status = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
    assert!(
        status.contains("대덕밸리") && status.contains("샌디에고"),
        "{status}"
    );
    tmux.keys(&["u"]);
    let screen = tmux.wait_for("비교 표시 2개 해제");
    assert!(!screen.contains('✓'), "{screen}");
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// Regression: a window that claims 30000 × 30000 (`stty`, or an SSH window-change
/// request) made ratatui allocate tens of GB and abort with the terminal left raw. The
/// size is clamped, so the explorer draws (at 1000 × 500, which the 100-column pane
/// wraps), takes keys, draws properly once the window has a real size again, and gives
/// the terminal back on quit.
#[test]
fn a_huge_window_size_still_draws_and_gives_the_terminal_back() {
    let Some(tmux) = shell_session("huge", 100, 30) else {
        return;
    };
    let binary = std::env::var_os("CASEBOOK_E2E_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_casebook")));
    tmux.wait_for("$");
    tmux.run(&[
        "send-keys",
        "-l",
        &format!(
            "stty rows 30000 cols 30000; {}; echo STATUS=$?; stty -a | grep -o -- '-icanon\\|icanon' | head -1",
            binary.display()
        ),
    ]);
    tmux.keys(&["Enter"]);
    // The status bar's case count: drawn, though the pane wraps its 1000-column lines.
    tmux.wait_for("cases 24");
    // tmux gives the pane its real size back (a resize the explorer is told of).
    tmux.run(&["resize-window", "-x", "101", "-y", "30"]);
    tmux.wait_until("the explorer drawn at the real size", |s| {
        s.lines().next().is_some_and(|l| l.contains("1 Cases")) && s.contains("cases 24")
    });
    tmux.keys(&["3"]);
    tmux.wait_for("Success factors 24");
    tmux.keys(&["q"]);
    // The shell's answer on a line of its own: the command line typed above names
    // `STATUS=` too, and shows as soon as the explorer leaves the alternate screen.
    let screen = tmux.wait_until("the exit status", |s| {
        s.lines().any(|l| {
            l.strip_prefix("STATUS=")
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
    });
    assert!(
        screen.lines().any(|l| l.trim() == "STATUS=0"),
        "did not quit cleanly:\n{screen}"
    );
    let screen = tmux.wait_until("stty's answer", |s| {
        s.lines()
            .any(|l| l.trim() == "icanon" || l.trim() == "-icanon")
    });
    assert_cooked_and_off_the_alternate_screen(&tmux, &screen);
}

/// The line a meeting copies into its minutes: Ulsan's Auto Valley budget, found by its
/// figure, `y` on it, and the OSC 52 sequence tmux receives (`set-clipboard on`: tmux
/// takes the sequence itself and keeps its text as a paste buffer) holds exactly that
/// line with its citation. The status bar says the copy went by OSC 52 through tmux.
#[test]
fn y_on_a_figure_sends_the_line_with_its_citation_by_osc52_through_tmux() {
    let config = tempfile::NamedTempFile::new().expect("tempfile");
    std::fs::write(config.path(), "set -g set-clipboard on\n").expect("write");
    // No clipboard tool can answer: OSC 52 is the only way. A home with a Downloads
    // folder, named as the desktop names it, for `w`.
    let tools = tempfile::tempdir().expect("tempdir");
    let home = tempfile::tempdir().expect("tempdir");
    let downloads = home.path().join("Downloads");
    std::fs::create_dir(&downloads).expect("mkdir");
    std::fs::create_dir(home.path().join(".config")).expect("mkdir");
    std::fs::write(
        home.path().join(".config/user-dirs.dirs"),
        "XDG_DOWNLOAD_DIR=\"$HOME/Downloads\"\n",
    )
    .expect("write");
    let env = format!(
        "LANG=ko_KR.UTF-8 PATH={}:/usr/bin:/bin DISPLAY= WAYLAND_DISPLAY= HOME={home} XDG_CONFIG_HOME={home}/.config",
        tools.path().display(),
        home = home.path().display()
    );
    let config_path = config.path().display().to_string();
    let Some(tmux) = session_with_config("osc52", 120, 35, &env, &config_path) else {
        return;
    };
    assert_eq!(
        String::from_utf8_lossy(&tmux.run(&["show-options", "-gv", "set-clipboard"]).stdout).trim(),
        "on"
    );
    tmux.wait_for("1 사례");
    // Give the explorer's question to tmux (set-clipboard) time to be answered.
    sleep(Duration::from_millis(300));
    // The search lands on the figure that matched, with the line cursor on it.
    tmux.keys(&["/"]);
    tmux.type_text("총 투자액");
    tmux.wait_until("Ulsan's figure found", |s| {
        s.contains("▶ 사례") && s.contains("울산 자동차클러스터") && s.contains("2,312억원 (2002)")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_until("search closed on Ulsan", |s| {
        !s.contains("/ 총 투자액") && s.contains("2,312억원 (2002)")
    });
    tmux.keys(&["y"]);
    let expected = "울산 자동차클러스터 · 울산 오토밸리 조성사업 총 투자액: 2,312억원 (2002; 2002년부터 5년간 투입 계획) — 복득규 외(2002), 삼성경제연구소, Ⅱ-2 ②, 11쪽";
    let deadline = Instant::now() + Duration::from_secs(10);
    let buffer = loop {
        let out = tmux.run(&["show-buffer"]);
        let buffer = String::from_utf8_lossy(&out.stdout).into_owned();
        if buffer == expected || Instant::now() > deadline {
            break buffer;
        }
        sleep(Duration::from_millis(50));
    };
    assert_eq!(buffer, expected, "tmux's paste buffer, from OSC 52");
    let screen = tmux.wait_for("OSC 52 (tmux)");
    let status = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
    assert!(
        status.contains("OSC 52 (tmux)로 보냄 — 클립보드 확인 불가 — w: 파일로 저장"),
        "{status}"
    );
    // `w`, as the notice offers: the line, in a new file in Downloads, its path shown.
    tmux.keys(&["w"]);
    let screen = tmux.wait_for("저장함: ");
    let saved = downloads.join("casebook-copy.txt");
    assert_eq!(
        std::fs::read_to_string(&saved).expect("the saved copy"),
        expected
    );
    assert!(screen.contains("casebook-copy.txt"), "{screen}");
}

/// The screen with its colours, as SGR escape sequences (`capture-pane -e`).
fn screen_with_colours(tmux: &Tmux) -> String {
    String::from_utf8_lossy(&tmux.run(&["capture-pane", "-p", "-e"]).stdout).into_owned()
}

/// The columns left and right of `needle` on the row that shows it.
fn margins(screen: &str, needle: &str) -> Option<(usize, usize, usize)> {
    screen.lines().enumerate().find_map(|(y, line)| {
        let at = line.find(needle)?;
        let left = line[..at].width();
        Some((y, left, left + needle.width()))
    })
}

/// The projector path of a meeting (issue #13): open Brenta, switch to high contrast
/// without restarting, present it full-screen, then search from presenter mode for
/// another case and stay presenting — in Korean, then in English.
#[test]
fn high_contrast_without_restarting_and_brenta_presented_full_screen() {
    let Some(tmux) = session("projector", 80, 24, "LANG=ko_KR.UTF-8") else {
        return;
    };
    tmux.wait_for("1 사례");
    tmux.keys(&["/"]);
    tmux.type_text("브렌타");
    tmux.wait_until("Brenta in the detail", |s| {
        detail_title(s).starts_with("이태리 브렌타")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_until("the search box closed", |s| !s.contains("/ 브렌타"));
    let dark = screen_with_colours(&tmux);
    // The dark theme writes on the terminal's own background.
    assert!(!dark.contains("48;5;16m"), "{dark}");

    tmux.keys(&["C-t"]);
    tmux.wait_for("밝은 테마");
    tmux.keys(&["C-t"]);
    tmux.wait_for("고대비 테마 (발표용)");
    let high = screen_with_colours(&tmux);
    // White on the cube's black, and no cell left in the terminal's own colours: tmux
    // writes ESC[49m / ESC[39m where a cell falls back to the default background or
    // foreground.
    assert!(
        high.contains("38;5;231m") && high.contains("48;5;16m"),
        "{high}"
    );
    assert!(
        !high.contains("\u{1b}[49m") && !high.contains("\u{1b}[39m"),
        "a cell in the terminal's colours:\n{high:?}"
    );
    assert_ne!(dark, high, "the colours changed");

    tmux.keys(&["P"]);
    let screen = tmux.wait_for("╭");
    let name = "이태리 브렌타 신발클러스터";
    let (y, left, right) = margins(&screen, name).unwrap_or_else(|| panic!("{screen}"));
    assert!(
        left.abs_diff(80 - right) <= 1,
        "centred: {left} | {}\n{screen}",
        80 - right
    );
    let rows: Vec<&str> = screen.lines().collect();
    assert!(
        rows[y + 1].contains("━━━━"),
        "a rule under the name:\n{screen}"
    );
    let (fy, _, _) = margins(&screen, "• 1268년").unwrap_or_else(|| panic!("{screen}"));
    assert!(
        rows[fy + 1].contains("↳ 복득규 외(2002), 삼성경제연구소"),
        "the figure's reference under it:\n{screen}"
    );
    let presenting = screen_with_colours(&tmux);
    assert!(!presenting.contains("\u{1b}[49m"), "{presenting:?}");

    // `/` from presenter mode: the box over the card, Enter presents the hit.
    tmux.keys(&["/"]);
    tmux.type_text("이천");
    tmux.wait_until("Icheon among the results", |s| {
        s.contains("/ 이천") && s.contains("▶ 사례")
    });
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_until("Icheon presented", |s| {
        !s.contains("/ 이천") && s.contains("이천 도자기클러스터")
    });
    assert!(screen.starts_with('╭'), "still presenting:\n{screen}");
    let (_, left, right) = margins(&screen, "이천 도자기클러스터").expect("on screen");
    assert!(left.abs_diff(80 - right) <= 1, "{screen}");

    // In English, the same card.
    tmux.keys(&["L"]);
    let screen = tmux.wait_for("Icheon ceramics cluster");
    let (_, left, right) = margins(&screen, "Icheon ceramics cluster").expect("on screen");
    assert!(left.abs_diff(80 - right) <= 1, "{screen}");
    assert!(screen.contains("↳ Bok et al. (2002), SERI"), "{screen}");
    assert!(screen.contains("/ search"), "{screen}");
    // ↑ walks the list back to Brenta, presented in English.
    tmux.keys(&["Up"]);
    let name = "Brenta footwear cluster (Italy)";
    let screen = tmux.wait_for(name);
    let (y, left, right) = margins(&screen, name).expect("on screen");
    assert_eq!(y, 1, "the name heads the card:\n{screen}");
    assert!(left.abs_diff(80 - right) <= 1, "{screen}");
    let (fy, _, _) = margins(&screen, "• 1268 —").unwrap_or_else(|| panic!("{screen}"));
    let rows: Vec<&str> = screen.lines().collect();
    assert!(
        rows[fy + 1].contains("↳ Bok et al. (2002), SERI"),
        "{screen}"
    );

    tmux.keys(&["Escape"]);
    tmux.wait_for("1 Cases");
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// Quit and come back to the same place: the pane, the item and the detail's focus; the
/// last query is one ↑ away; `--fresh` starts at the top (and forgets no query).
#[test]
fn quitting_and_coming_back_returns_to_the_same_item_and_fresh_starts_at_the_top() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let env = format!(
        "LANG=en_US.UTF-8 CASEBOOK_STATE={}",
        dir.path().join("state.json").display()
    );
    let (left_title, left_row) = {
        let Some(tmux) = session("resume-1", 120, 35, &env) else {
            return;
        };
        tmux.wait_for("1 Cases");
        tmux.keys(&["/"]);
        tmux.type_text("kista");
        tmux.keys(&["Enter"]);
        tmux.wait_until("Kista opened", |s| detail_title(s).contains("Kista"));
        tmux.keys(&["3", "j", "j", "Enter"]);
        let screen = tmux.wait_for("Success factors 24");
        let title = detail_title(&screen);
        let row = selected_row(&screen);
        assert!(!title.is_empty() && !row.is_empty(), "{screen}");
        tmux.keys(&["q"]);
        assert_terminal_given_back(&tmux);
        (title, row)
    };
    {
        let Some(tmux) = session("resume-2", 120, 35, &env) else {
            return;
        };
        let screen = tmux.wait_for("back where you left off");
        assert_eq!(detail_title(&screen), left_title, "{screen}");
        assert_eq!(selected_row(&screen), left_row, "{screen}");
        assert!(screen.contains("Success factors 24"), "{screen}");
        // The recent list has both items, newest first; the last query is one ↑ away.
        tmux.keys(&["r"]);
        let screen = tmux.wait_for("Recently opened");
        let kista = screen.find("Kista").expect("Kista in the recent list");
        let factor = screen[screen.find("Recently opened").unwrap()..]
            .find(left_title.trim_start_matches("Success factor").trim());
        assert!(factor.is_some(), "{screen}");
        assert!(kista > 0);
        tmux.keys(&["Escape", "/", "Up"]);
        tmux.wait_for("/ kista");
        // Ctrl-R: the history list, narrowed by typing; Enter puts the query in the box.
        tmux.keys(&["C-u", "C-r"]);
        tmux.wait_for("Search history");
        tmux.type_text("KIS");
        tmux.wait_for("? KIS");
        tmux.keys(&["Enter"]);
        tmux.wait_until("the query back in the box", |s| {
            s.contains("/ kista") && !s.contains("Search history")
        });
        tmux.keys(&["Escape", "q"]);
        assert_terminal_given_back(&tmux);
    }
    let Some(tmux) = session_with_args("resume-3", 120, 35, &env, "--fresh") else {
        return;
    };
    let screen = tmux.wait_for("Cases 24");
    assert!(!screen.contains("Success factors 24"), "{screen}");
    assert!(!screen.contains("back where you left off"), "{screen}");
    assert!(selected_row(&screen).contains("Daedeok"), "{screen}");
    tmux.keys(&["/", "Up"]);
    tmux.wait_for("/ kista");
    tmux.keys(&["Escape", "q"]);
    assert_terminal_given_back(&tmux);
}

/// A state file that is not one (here a folder's worth of garbage) is said once on the
/// status bar and replaced when the explorer ends.
#[test]
fn a_damaged_state_file_is_one_notice_and_is_replaced_on_quit() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("state.json");
    std::fs::write(&path, "{\"version\": 1, \"history\": [tru").expect("write");
    let env = format!("LANG=ko_KR.UTF-8 CASEBOOK_STATE={}", path.display());
    let Some(tmux) = session("damaged-state", 120, 35, &env) else {
        return;
    };
    let screen = tmux.wait_for("1 사례");
    assert!(
        screen.contains("기억 파일을 읽을 수 없어 무시합니다"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
    let text = std::fs::read_to_string(&path).expect("rewritten");
    assert!(text.contains("\"version\": 1"), "{text}");
}

#[test]
fn the_sources_pane_leads_from_a_section_to_the_fact_citing_it_and_back() {
    let Some(tmux) = session("sources", 120, 35, "LANG=ko_KR.UTF-8") else {
        return;
    };
    tmux.wait_for("1 사례");
    tmux.keys(&["6"]);
    tmux.wait_for("문헌 2 · 절");
    // The report's 21st section is the Daedeok case: Ⅱ-2 ① 국내 : 대덕밸리….
    for _ in 0..21 {
        tmux.keys(&["j"]);
    }
    let screen = tmux.wait_until("the Daedeok section selected", |s| {
        detail_title(s).starts_with("Ⅱ-2 ① 국내 : 대덕밸리")
    });
    assert!(
        selected_row(&screen).trim_end().ends_with("34"),
        "the row counts the citations:\n{screen}"
    );
    assert!(screen.contains("→ [사례] 대덕밸리"), "{screen}");
    // Enter selects the case's link; two more links down is its first figure.
    tmux.keys(&["Enter", "j", "j", "Enter"]);
    let screen = tmux.wait_until("the case opened at its figure", |s| {
        detail_title(s).starts_with("대덕밸리") && s.contains("1973년 — ")
    });
    assert!(selected_row(&screen).contains("대덕"), "{screen}");
    tmux.keys(&["BSpace"]);
    tmux.wait_until("back on the section", |s| {
        detail_title(s).starts_with("Ⅱ-2 ① 국내 : 대덕밸리")
    });
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// "Korean cases only" in three keys with the Korean input method on: `c` arrives as ㅊ
/// and opens the country picker (a command key), then 한 — composed by the input
/// method — is text in the picker, and Enter applies the match under the cursor. The
/// picker's box keeps its left border over the Hangul of the list beneath it.
#[test]
fn korean_cases_only_in_three_keys_with_the_input_method_on() {
    let Some(tmux) = session("picker", 120, 35, "LANG=ko_KR.UTF-8") else {
        return;
    };
    tmux.wait_for("1 사례");
    tmux.type_text("ㅊ");
    let screen = tmux.wait_until("the country picker, drawn whole", |s| {
        picker_box(s).is_some()
    });
    let (top, left, bottom) = picker_box(&screen).expect("the picker");
    for (y, row) in screen.lines().enumerate().take(bottom).skip(top + 1) {
        assert_eq!(
            char_at_column(row, left),
            Some('│'),
            "row {y} of the picker has no left border:\n{screen}"
        );
    }
    tmux.type_text("한");
    tmux.wait_until("the picker narrowed to 한국", |s| {
        s.lines().any(|l| l.contains("▶  한국"))
    });
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("국가=한국");
    assert!(
        !screen.contains("국가 필터"),
        "the picker closed:\n{screen}"
    );
    let rows: Vec<&str> = screen
        .lines()
        .skip(2)
        .filter(|l| l.starts_with("│▶") || l.starts_with("│  "))
        .map(|l| l.split("││").next().unwrap_or(""))
        .filter(|l| !l.trim_matches(|c| c == '│' || c == ' ').is_empty())
        .collect();
    assert_eq!(rows.len(), 4, "the four Korean cases:\n{screen}");
    assert!(rows.iter().all(|r| r.contains("한국")), "{rows:?}");
    assert!(
        screen
            .lines()
            .last()
            .is_some_and(|l| l.starts_with(" 사례 4/24 · 국가=한국")),
        "{screen}"
    );
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

/// The country picker's top row, left column and bottom row, once all are on screen.
fn picker_box(screen: &str) -> Option<(usize, usize, usize)> {
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains("┌ 국가 필터 · 사례"))?;
    let left = lines[top].split("┌ 국가").next()?.width();
    let bottom = (top + 1..lines.len()).find(|&y| char_at_column(lines[y], left) == Some('└'))?;
    Some((top, left, bottom))
}

#[test]
fn the_dyer_comparison_is_seen_as_a_chart() {
    let Some(tmux) = session("charts", 120, 35, "LANG=ko_KR.UTF-8") else {
        return;
    };
    tmux.wait_for("1 사례");
    tmux.keys(&["/"]);
    tmux.wait_for("검색");
    tmux.type_text("도요타");
    tmux.wait_until("Toyota City in the detail", |s| {
        detail_title(s).starts_with("도요타")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_until("search closed on Toyota City", |s| {
        !s.contains("/ 도요타") && detail_title(s).starts_with("도요타")
    });
    tmux.keys(&["v"]);
    let screen = tmux.wait_until("the chart view", |s| s.contains("차트 —"));
    assert!(screen.contains("Dyer"), "the Dyer chart:\n{screen}");
    let gm = screen
        .lines()
        .find(|l| l.contains("GM") && l.contains("410 mile"))
        .unwrap_or_else(|| panic!("the GM bar with its value:\n{screen}"));
    assert!(gm.contains("████"), "a bar is drawn:\n{screen}");
    assert!(
        screen.contains("↳ 복득규 외(2002)"),
        "the reference:\n{screen}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_until("back in the detail", |s| !s.contains("차트 —"));
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}

#[test]
fn a_large_collection_shows_its_panes_at_once_and_fills_them_with_progress() {
    let dir = tempfile::tempdir().expect("tempdir");
    casebook::synthetic::write_collection(dir.path(), 2000).expect("generate");
    // Each chunk of 32 files is slowed down so that loading lasts long enough to watch.
    let env = format!(
        "LANG=ko_KR.UTF-8 CASEBOOK_TEST_LOAD_DELAY_MS=15 CASEBOOK_CASES={}",
        dir.path().display()
    );
    let Some(tmux) = session("streaming", 120, 35, &env) else {
        return;
    };
    // Panes and a count of files read, before everything is in.
    let loading = tmux.wait_until("rows and the progress count", |screen| {
        screen.contains('▶') && screen.contains("불러오는 중 ") && screen.contains("/2,007 파일")
    });
    assert!(loading.contains("1 사례"), "{loading}");
    // Search over what arrived says it is partial.
    tmux.keys(&["/"]);
    tmux.type_text("toyota");
    let partial = tmux.wait_for("불러오는 중 — 일부 결과");
    assert!(partial.contains("검색"), "{partial}");
    // Then everything is in: the status bar counts every case and the title is whole.
    let done = tmux.wait_until("the whole collection", |screen| {
        !screen.contains("불러오는 중") && screen.contains("건")
    });
    assert!(!done.contains("일부 결과"), "{done}");
    tmux.keys(&["Escape"]);
    let listed = tmux.wait_for("사례 2000");
    assert!(!listed.contains("불러오는 중"), "{listed}");
    tmux.keys(&["q"]);
    assert_terminal_given_back(&tmux);
}
