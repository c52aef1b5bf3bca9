//! Text handling shared by every layer: what counts as an unsafe character, how text is
//! made safe for a terminal, and how Hangul-and-Latin text is measured, truncated and
//! wrapped by display width.
//!
//! Byte indices, char indices and display columns are three different things in Hangul
//! text; every function here works in display columns (`unicode-width`) and slices on
//! char boundaries. This module depends on nothing else in the crate.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What is done with a character that must not be kept as written in loaded text nor
/// reach a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsafeChar {
    /// Shows nothing and carries nothing a reader needs: zero-width space and joiners,
    /// word joiner and invisible operators, a BOM inside text, the soft hyphen, the
    /// Hangul fillers, tag characters and a few other format characters. Text pasted
    /// from a PDF or a web page is full of them; they are removed.
    Invisible,
    /// Changes what a terminal does or the order in which text reads: C0 and C1
    /// controls (escape sequences start with them), direction marks, embeddings,
    /// overrides and isolates, interlinear annotation controls. They are shown as
    /// [`PLACEHOLDER`], so a reader sees that something was there.
    Control,
}

/// What stands in for an [`UnsafeChar::Control`] in loaded text and on screen.
pub const PLACEHOLDER: char = '\u{FFFD}';

/// Whether `c` is unsafe, and which way. Newline and tab are ordinary whitespace in
/// YAML block text and are safe here (one-line output deals with them on its own).
pub fn unsafe_char(c: char) -> Option<UnsafeChar> {
    match c {
        '\n' | '\t' => None,
        c if c.is_control() => Some(UnsafeChar::Control), // C0, DEL and C1
        '\u{061C}' // Arabic letter mark
        | '\u{200E}' | '\u{200F}' // left-to-right and right-to-left marks
        | '\u{202A}'..='\u{202E}' // embeddings and overrides
        | '\u{2066}'..='\u{2069}' // isolates
        | '\u{FFF9}'..='\u{FFFB}' => Some(UnsafeChar::Control), // interlinear annotation
        '\u{00AD}' // soft hyphen
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
        | '\u{180E}' // Mongolian vowel separator
        | '\u{200B}'..='\u{200D}' // zero-width space, non-joiner, joiner
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{206A}'..='\u{206F}' // deprecated format characters
        | '\u{FEFF}' // BOM / zero-width no-break space inside text
        | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
        | '\u{1D173}'..='\u{1D17A}' // musical format controls
        | '\u{E0000}'..='\u{E007F}' => Some(UnsafeChar::Invisible), // tag characters
        _ => None,
    }
}

/// Characters that must never be kept in loaded text nor reach a terminal as they are:
/// every [`UnsafeChar`].
pub fn is_forbidden(c: char) -> bool {
    unsafe_char(c).is_some()
}

/// The first forbidden character in `s`, with its char index.
pub fn find_forbidden(s: &str) -> Option<(usize, char)> {
    s.chars().enumerate().find(|(_, c)| is_forbidden(*c))
}

/// A short name for an unsafe character, for messages: `zero-width space`.
pub fn unsafe_char_name(c: char) -> &'static str {
    match c {
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{FEFF}' => "byte order mark",
        '\u{00AD}' => "soft hyphen",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "Hangul filler",
        '\u{E0000}'..='\u{E007F}' => "tag character",
        '\u{1B}' => "escape",
        '\u{200E}' | '\u{200F}' | '\u{061C}' => "direction mark",
        '\u{202A}'..='\u{202E}' => "direction override",
        '\u{2066}'..='\u{2069}' => "direction isolate",
        c if c.is_control() => "control character",
        _ => match unsafe_char(c) {
            Some(UnsafeChar::Control) => "control character",
            _ => "invisible formatting character",
        },
    }
}

/// Whether `s` may hold an [`UnsafeChar`]: a byte scan that decodes a char only at the
/// few lead bytes an unsafe char can start with, so clean text costs a table lookup per
/// byte. Never says no when there is one.
pub fn may_hold_unsafe(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        UNSAFE_LEAD[usize::from(b)]
            && s.get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(is_forbidden)
    })
}

/// Bytes that can start an unsafe char: ASCII controls but line feed and tab, DEL, and
/// the UTF-8 lead bytes of the ranges [`unsafe_char`] names.
static UNSAFE_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != b'\n' as usize && b != b'\t' as usize;
        b += 1;
    }
    let mut others: &[u8] = &[0x7F, 0xC2, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0, 0xF3];
    while let [first, rest @ ..] = others {
        table[*first as usize] = true;
        others = rest;
    }
    table
};

/// Composes Hangul and other decomposed text (NFC), so 샌디에고 typed or saved as
/// jamo sequences compares equal to the precomposed syllables.
/// Borrows when the text is NFC already (the common case).
pub fn nfc(s: &str) -> Cow<'_, str> {
    // Text made only of chars that are NFC whatever surrounds them needs no table
    // lookups at all; otherwise the quick check still saves a full recomposition.
    if s.chars().all(always_nfc) {
        return Cow::Borrowed(s);
    }
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

/// Chars that are NFC in any context: normalization never changes them and they never
/// combine with the char before (NFC quick check "yes", combining class 0; a unit test
/// checks every one). Latin, Hangul syllables and compatibility jamo, CJK ideographs,
/// and the punctuation, numerals and shapes case files use.
fn always_nfc(c: char) -> bool {
    matches!(c as u32,
        0..=0x2FF
        | 0x2010..=0x2027 // dashes, quotes, bullets, ellipsis
        | 0x2160..=0x2188 // Roman numerals
        | 0x2190..=0x2199 // arrows
        | 0x2460..=0x24FF // circled numbers
        | 0x25A0..=0x25FF // geometric shapes: ◎ ○ △
        | 0x3131..=0x318E // Hangul compatibility jamo
        | 0x4E00..=0x9FFF // CJK ideographs
        | 0xAC00..=0xD7A3 // Hangul syllables
    )
}

/// Text for one terminal line: forbidden characters (invisible ones too: text that was
/// never loaded, such as a query, may hold them) become [`PLACEHOLDER`] and line breaks
/// and tabs become spaces, so file content can never move the cursor or inject escapes.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if s.chars()
        .all(|c| !is_forbidden(c) && c != '\n' && c != '\t' && c != '\r')
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\t' | '\r' => ' ',
                c if is_forbidden(c) => PLACEHOLDER,
                c => c,
            })
            .collect(),
    )
}

/// Text for a message to a person (errors quoting a file's bytes, paths, settings):
/// forbidden characters, and line breaks and tabs too, are spelled out as `\u{1b}`,
/// `\n`, `\t`, so the reader sees what is there and one message stays one line — a
/// file name with a newline cannot forge a line of output.
pub fn escape_for_terminal(s: &str) -> Cow<'_, str> {
    let needs_escape = |c: char| is_forbidden(c) || matches!(c, '\r' | '\n' | '\t');
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// How many characters of one value a message quotes; the rest is cut.
pub const MESSAGE_VALUE_CHARS: usize = 80;

/// How many characters of a path a message quotes: as many as a path can have, so a
/// real one is never cut, but a megabyte of settings value is.
pub const MESSAGE_PATH_CHARS: usize = 4096;

/// A value (an id, a path, a query) as a message quotes it: escaped as
/// [`escape_for_terminal`] does and cut after [`MESSAGE_VALUE_CHARS`] characters, with
/// how much was left out, so a megabyte of id is never echoed whole.
pub fn quoted(s: &str) -> Cow<'_, str> {
    cut_and_escape(s, MESSAGE_VALUE_CHARS)
}

/// A path as a message quotes it: escaped as [`escape_for_terminal`] does, and cut only
/// past [`MESSAGE_PATH_CHARS`].
pub fn quoted_path(path: &std::path::Path) -> String {
    cut_and_escape(&path.display().to_string(), MESSAGE_PATH_CHARS).into_owned()
}

fn cut_and_escape(s: &str, max: usize) -> Cow<'_, str> {
    let total = s.chars().count();
    if total <= max {
        return escape_for_terminal(s);
    }
    let kept: String = s.chars().take(max).collect();
    Cow::Owned(format!(
        "{}… ({} characters in all)",
        escape_for_terminal(&kept),
        total
    ))
}

/// Display width in terminal columns (Hangul syllables are two columns wide).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Cuts `s` to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let budget = max - 1; // room for the ellipsis
    let mut used = 0;
    let mut out = String::new();
    for c in s.chars() {
        let w = char_width(c);
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// The last characters of `s` that fit in `max` columns: the end of a typed filter in a
/// box too narrow for all of it (the box scrolls with the typing).
pub fn tail(s: &str, max: usize) -> String {
    let mut used = 0;
    let mut kept: Vec<char> = s
        .chars()
        .rev()
        .take_while(|c| {
            used += width(&c.to_string());
            used <= max
        })
        .collect();
    kept.reverse();
    kept.into_iter().collect()
}

/// Pads `s` with spaces to exactly `columns` (truncating first if it is wider), so
/// columns of mixed Hangul and Latin text line up.
pub fn pad(s: &str, columns: usize) -> String {
    let cut = truncate(s, columns);
    let fill = columns.saturating_sub(width(&cut));
    let mut out = cut.into_owned();
    out.push_str(&" ".repeat(fill));
    out
}

/// Wraps `s` into lines of at most `max` columns. Words are kept whole where they fit;
/// a word longer than a line is broken between characters. Explicit line breaks are kept.
/// No returned line is wider than `max`, and no non-space character is dropped (when
/// `max` is 1, a two-column character cannot fit and is shown on a line of its own — the
/// only case where a line exceeds `max`, and callers clip it).
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in s.split('\n') {
        if paragraph.trim().is_empty() {
            lines.push(String::new());
            continue;
        }
        let options = textwrap::Options::new(max)
            .break_words(true)
            .word_separator(textwrap::WordSeparator::AsciiSpace);
        for line in textwrap::wrap(paragraph, options) {
            // textwrap measures with unicode-width too, but a two-column character
            // can still overflow a narrow line: split such lines by hand.
            if width(&line) <= max {
                lines.push(line.into_owned());
            } else {
                lines.extend(hard_split(&line, max));
            }
        }
    }
    lines
}

fn hard_split(line: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut used = 0;
    for c in line.chars() {
        let w = char_width(c);
        if used + w > max && !current.is_empty() {
            out.push(std::mem::take(&mut current));
            used = 0;
        }
        current.push(c);
        used += w;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Escapes what Markdown would read as markup. An underscore inside a word
/// (`000_20dacdbc4cd72bd5.txt`) is plain text in CommonMark and stays as it is, so file
/// names in sources read cleanly when pasted into a message.
pub fn markdown_escape(s: &str) -> String {
    let chars: Vec<char> = one_line(s).chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let inside_word = |at: Option<&char>| at.is_some_and(|c| c.is_alphanumeric());
        let markup = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' => true,
            '#' => i == 0,
            '_' => {
                !(inside_word(i.checked_sub(1).and_then(|j| chars.get(j)))
                    && inside_word(chars.get(i + 1)))
            }
            _ => false,
        };
        if markup {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn always_nfc_chars_are_nfc_in_any_context() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        let all = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| always_nfc(c));
        for c in all {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        // And a text of them followed by a combining mark is still composed.
        assert_eq!(nfc("e\u{301}"), "é");
        assert!(matches!(nfc("Ⅱ 대덕 ㆍ①"), Cow::Borrowed("Ⅱ 대덕 ㆍ①")));
    }

    use super::*;

    #[test]
    fn escape_sequences_never_survive_one_line() {
        let hostile = "a\u{1b}[31mred\u{7}\u{9b}2J\u{202e}b";
        let clean = one_line(hostile);
        assert!(!clean.chars().any(|c| c.is_control()));
        assert!(!clean.contains('\u{202e}'));
        assert!(clean.contains("red"));
    }

    #[test]
    fn error_text_spells_out_control_characters() {
        assert_eq!(escape_for_terminal("x\u{1b}y"), "x\\u{1b}y");
        assert_eq!(escape_for_terminal("a\nb\tc"), "a\\nb\\tc");
    }

    #[test]
    fn quoted_values_are_cut() {
        let long = "a".repeat(1_000_000);
        let shown = quoted(&long);
        assert!(shown.len() < 200, "{}", shown.len());
        assert!(shown.ends_with("… (1000000 characters in all)"), "{shown}");
        assert_eq!(quoted("ulsan"), "ulsan");
    }

    #[test]
    fn the_byte_scan_sees_every_unsafe_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(may_hold_unsafe(&s), is_forbidden(c), "{c:?}");
        }
    }

    #[test]
    fn truncate_counts_hangul_as_two_columns() {
        assert_eq!(truncate("샌디에고", 5), "샌디…");
        assert_eq!(truncate("샌디에고", 8), "샌디에고");
        assert_eq!(truncate("San Diego", 4), "San…");
        assert_eq!(width(&truncate("샌디에고 바이오", 6)), 5);
    }

    #[test]
    fn pad_aligns_mixed_text() {
        assert_eq!(width(&pad("대덕", 6)), 6);
        assert_eq!(width(&pad("Daedeok", 6)), 6);
    }

    #[test]
    fn wrap_keeps_every_line_within_width() {
        let s =
            "대덕연구단지는 1973년부터 조성된 science park로서 ETRI에서 스핀오프한 벤처가 220여개";
        for max in 2..40 {
            for line in wrap(s, max) {
                assert!(width(&line) <= max, "{line:?} wider than {max}");
            }
        }
    }

    #[test]
    fn wrap_loses_no_text() {
        let s = "샌디에고 UCSD CONNECT 프로그램은 산학관 네트워크를 만들었다";
        for max in 1..30 {
            let joined: String = wrap(s, max).concat().split_whitespace().collect();
            let original: String = s.split_whitespace().collect();
            assert_eq!(joined, original, "width {max}");
        }
    }
}
