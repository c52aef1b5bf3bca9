//! A figure as the documents print it, read in English: the one place the rule lives.
//!
//! The documents print figures the Korean way: 만 (10⁴), 억 (10⁸) and 조 (10¹²) are part
//! of the number (`2,312억`, `16만 2천`, `1조 2,000억`), 천 · 백 · 십 count inside a group
//! of four digits (`4천`, `천`), 여 after a number means "more than" (`1만여`), 약 before it
//! "about", `~` joins a range, and 원 / 달러 name the currency. An English reader needs
//! English numerals, so [`read`] turns a printed value and its unit into an
//! [`EnglishFigure`]: the reading an English text leads with, and the printed Korean form
//! to keep beside it whenever the reading rewrote the number
//! (`KRW 231.2 billion (2,312억 원)`, `over 10,000 people (1만여 명)`).
//!
//! The rule, in full (docs/DATA_MODEL.md, "Figures in English", says the same for
//! authors):
//!
//! - **Korean units** are multiplied out exactly. Below a million the number is written
//!   in full with thousands commas (`16만 2천` → `162,000`); from a million on it is
//!   scaled to million / billion / trillion with its exact decimal (`2,312억` →
//!   `231.2 billion`, `250만` → `2.5 million`). Nothing is rounded: a number that would
//!   need rounding to scale is written in full instead.
//! - **여** reads "over" (餘, beyond the number: `천여` → `over 1,000`); **약** reads
//!   "about". The two never mean the same thing.
//! - **Currency**: 원 → `KRW` and 달러 → `USD`, before the number (`about KRW 2
//!   trillion`). A magnitude written in the unit (`억원`, `백만 원`) joins the number.
//! - **Ranges**: `~` becomes an en dash (`1980–1995`); `1~2만` is 1만–2만.
//! - **Years**: a unit whose English is `year`, or 년 on four-digit numbers, is a
//!   calendar year and reads as the bare number (`1980~1995년` → `1980–1995`).
//! - **The unit** is the English unit the data gives (`firms`, `lira or more`); `%`
//!   follows the number directly. Only where the English unit is missing or still in
//!   Korean does a short table of counters stand in (명 people, 개 items, 개사 firms,
//!   건 cases, 곳 places, 배 times, …).
//! - A plain number (`69.3`, `2,050`, `1268`) is kept as printed, so the printed form is
//!   not repeated beside it.
//! - **Anything the rule cannot read** (`80/50`, a word) is left exactly as printed,
//!   with its English unit: the rule never guesses.
//!
//! The Korean interface never uses this module: it shows the printed form.
//!
//! Core: depends on `model` only.

use std::fmt;

use crate::model::{Figure, Text};

/// A figure read in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnglishFigure {
    /// What an English text leads with: `KRW 231.2 billion`, `over 10,000 people`.
    pub reading: String,
    /// The printed Korean form (`2,312억 원`), when the reading rewrote the number;
    /// `None` when the numerals are the ones printed (`69.3%`, `116 institutes`).
    pub printed: Option<String>,
}

impl fmt::Display for EnglishFigure {
    /// The reading with the printed form beside it: `KRW 231.2 billion (2,312억 원)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.printed {
            Some(printed) => write!(f, "{} ({printed})", self.reading),
            None => f.write_str(&self.reading),
        }
    }
}

/// A figure of a case read in English.
pub fn of(figure: &Figure) -> EnglishFigure {
    read(&figure.value, figure.unit.as_ref())
}

/// Reads a printed value and its unit (Korean and English) in English.
pub fn read(value: &str, unit: Option<&Text>) -> EnglishFigure {
    let unit_ko = unit.map_or("", |u| u.ko.trim());
    let unit_en = english_unit(unit_ko, unit.map_or("", |u| u.en.trim()));
    let (in_unit, rest_ko) = magnitude_in_unit(unit_ko);
    let Some(mut parsed) = parse(value) else {
        return EnglishFigure {
            reading: attach(value.trim(), &unit_en, calendar_unit(&unit_en)),
            printed: None,
        };
    };
    if let Some((multiplier, _)) = in_unit {
        for side in &mut parsed.sides {
            side.micros = side.micros.saturating_mul(multiplier);
            side.korean = true;
        }
    }
    let rewritten = parsed.about || parsed.over || parsed.sides.iter().any(|s| s.korean);
    let number = number_text(&parsed.sides);
    let approx = match (parsed.about, parsed.over) {
        (true, _) => "about ",
        (false, true) => "over ",
        (false, false) => "",
    };
    let reading = match currency(rest_ko) {
        Some(code) => format!("{approx}{code} {number}"),
        None => {
            let calendar = calendar_unit(&unit_en)
                || (rest_ko == "년" && parsed.sides.iter().all(Side::is_plain_year));
            format!("{approx}{}", attach(&number, &unit_en, calendar))
        }
    };
    let printed = rewritten.then(|| {
        let magnitude = in_unit.map_or("", |(_, text)| text);
        attach(&format!("{}{magnitude}", value.trim()), rest_ko, false)
    });
    EnglishFigure { reading, printed }
}

/// A number and its unit: `%` (and a unit starting with it) follows the number
/// directly, a calendar year stands alone, any other unit takes a space.
fn attach(number: &str, unit: &str, calendar: bool) -> String {
    if unit.is_empty() || calendar {
        number.to_string()
    } else if unit.starts_with('%') {
        format!("{number}{unit}")
    } else {
        format!("{number} {unit}")
    }
}

/// A unit of "year" (the data's mark of a calendar year, as opposed to "years").
fn calendar_unit(unit_en: &str) -> bool {
    unit_en == "year"
}

/// The English unit: the one the data gives, unless it is missing or still Korean,
/// where a known Korean counter is translated. An unknown one is kept as it is.
fn english_unit(unit_ko: &str, unit_en: &str) -> String {
    let untranslated = unit_en.is_empty() || unit_en.chars().any(is_hangul);
    if !untranslated {
        return unit_en.to_string();
    }
    let translated: Vec<&str> = unit_ko
        .split_whitespace()
        .map(|word| counter(word).unwrap_or(""))
        .collect();
    if unit_ko.is_empty() || translated.iter().any(|w| w.is_empty()) {
        return unit_en.to_string();
    }
    translated.join(" ")
}

/// The English of a Korean counter, or of a word that qualifies one.
fn counter(word: &str) -> Option<&'static str> {
    Some(match word {
        "명" => "people",
        "개" => "items",
        "개사" => "firms",
        "건" => "cases",
        "곳" => "places",
        "배" => "times",
        "회" => "times",
        "년" => "years",
        "개월" => "months",
        "일" => "days",
        "평" => "pyeong",
        "%" => "%",
        "이상" => "or more",
        "이하" => "or less",
        _ => return None,
    })
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7A3}')
}

/// The currency code an English text puts before the number.
fn currency(unit_ko: &str) -> Option<&'static str> {
    match unit_ko {
        "원" => Some("KRW"),
        "달러" => Some("USD"),
        _ => None,
    }
}

/// A magnitude written at the start of a currency unit (`억원`, `백만 원`, `억 달러`):
/// its multiplier and text, and the currency left. Only before a currency, so a unit
/// that merely starts with the same syllable (`만족도`) is never taken for one.
fn magnitude_in_unit(unit_ko: &str) -> (Option<(u128, &str)>, &str) {
    const MAGNITUDES: [(&str, u128); 7] = [
        ("천만", 10_000_000),
        ("백만", 1_000_000),
        ("십만", 100_000),
        ("천", 1_000),
        ("만", 10_000),
        ("억", 100_000_000),
        ("조", 1_000_000_000_000),
    ];
    for (text, multiplier) in MAGNITUDES {
        if let Some(rest) = unit_ko.strip_prefix(text) {
            let rest = rest.trim_start();
            if currency(rest).is_some() {
                return (Some((multiplier, text)), rest);
            }
        }
    }
    (None, unit_ko)
}

/// Amounts are counted in millionths, so a decimal before a unit (`1.5억`) stays exact.
const ONE: u128 = 1_000_000;

/// One side of a value (the whole value, or one end of a range).
#[derive(Debug, Clone)]
struct Side {
    /// The amount in millionths.
    micros: u128,
    /// Written with a Korean unit (만, 억, 천, …), so the English numerals differ.
    korean: bool,
    /// The Korean unit the side ends with, for the other end of a range (`1~2만`).
    trailing: Option<u128>,
    /// The side as printed, for a plain number.
    printed: String,
}

impl Side {
    fn is_plain_year(&self) -> bool {
        !self.korean && self.printed.len() == 4 && self.printed.bytes().all(|b| b.is_ascii_digit())
    }
}

#[derive(Debug)]
struct Parsed {
    about: bool,
    over: bool,
    sides: Vec<Side>,
}

/// The grammar of a printed value: `[약] amount [여]` or `[약] amount ~ amount`.
fn parse(value: &str) -> Option<Parsed> {
    let mut rest = value.trim();
    let about = match rest.strip_prefix('약') {
        Some(r) => {
            rest = r.trim_start();
            true
        }
        None => false,
    };
    let over = match rest.strip_suffix('여') {
        Some(r) => {
            rest = r.trim_end();
            true
        }
        None => false,
    };
    let ends: Vec<&str> = rest.split(['~', '∼', '〜', '～']).map(str::trim).collect();
    if ends.len() > 2 || (over && ends.len() > 1) {
        return None;
    }
    let mut sides = ends
        .iter()
        .map(|s| amount(s))
        .collect::<Option<Vec<Side>>>()?;
    if let [left, right] = sides.as_mut_slice() {
        if let (false, Some(unit)) = (left.korean, right.trailing) {
            left.micros = left.micros.checked_mul(unit)?;
            left.korean = true;
        }
    }
    Some(Parsed { about, over, sides })
}

enum Token {
    Number(u128),
    /// 십 백 천: counts inside a group of four digits.
    Small(u128),
    /// 만 억 조: each closes a group.
    Big(u128),
}

/// One amount: digits (with thousands commas and a decimal point) and Korean units,
/// read as Korean counts them: `16만 2천` = 16 × 10⁴ + 2 × 10³.
fn amount(text: &str) -> Option<Side> {
    let tokens = tokens(text)?;
    if tokens.is_empty() {
        return None;
    }
    let (mut total, mut group) = (0u128, 0u128);
    let mut pending: Option<u128> = None;
    let (mut last_big, mut last_small) = (u128::MAX, u128::MAX);
    let mut korean = false;
    let mut trailing = None;
    for token in &tokens {
        trailing = None;
        match *token {
            Token::Number(n) => {
                if pending.replace(n).is_some() {
                    return None; // two numbers with no unit between them
                }
            }
            Token::Small(unit) => {
                if unit >= last_small {
                    return None;
                }
                last_small = unit;
                group = group.checked_add(pending.take().unwrap_or(ONE).checked_mul(unit)?)?;
                korean = true;
                trailing = Some(unit);
            }
            Token::Big(unit) => {
                if unit >= last_big {
                    return None;
                }
                last_big = unit;
                last_small = u128::MAX;
                let mut part = group.checked_add(pending.take().unwrap_or(0))?;
                if part == 0 {
                    part = ONE; // 만 alone is ten thousand
                }
                total = total.checked_add(part.checked_mul(unit)?)?;
                group = 0;
                korean = true;
                trailing = Some(unit);
            }
        }
    }
    let micros = total
        .checked_add(group)?
        .checked_add(pending.unwrap_or(0))?;
    Some(Side {
        micros,
        korean,
        trailing,
        printed: text.to_string(),
    })
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() || d == ',' || d == '.' {
                    digits.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(Token::Number(decimal(&digits)?));
        } else {
            chars.next();
            out.push(match c {
                '십' => Token::Small(10),
                '백' => Token::Small(100),
                '천' => Token::Small(1_000),
                '만' => Token::Big(10_000),
                '억' => Token::Big(100_000_000),
                '조' => Token::Big(1_000_000_000_000),
                _ => return None,
            });
        }
    }
    Some(out)
}

/// `2,312` or `36.7` in millionths. Commas must group thousands (`1,5` is refused: a
/// Korean decimal is written with a point), and at most six decimals are kept exactly.
fn decimal(text: &str) -> Option<u128> {
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let mut groups = whole.split(',');
    let first = groups.next()?;
    if first.is_empty() || (whole.contains(',') && first.len() > 3) {
        return None;
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        digits.push_str(group);
    }
    let mut micros = digits.parse::<u128>().ok()?.checked_mul(ONE)?;
    if let Some(fraction) = fraction {
        if fraction.is_empty()
            || fraction.len() > 6
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let padded = format!("{fraction:0<6}");
        micros = micros.checked_add(padded.parse::<u128>().ok()?)?;
    }
    Some(micros)
}

/// The English numerals of one side or a range of two.
fn number_text(sides: &[Side]) -> String {
    let read: Vec<(String, Option<&str>)> = sides.iter().map(side_text).collect();
    match read.as_slice() {
        [(one, scale)] => with_scale(one, *scale),
        [(left, l), (right, r)] if l == r => format!("{left}–{}", with_scale(right, *r)),
        [(left, l), (right, r)] => format!("{}–{}", with_scale(left, *l), with_scale(right, *r)),
        _ => String::new(),
    }
}

fn with_scale(number: &str, scale: Option<&str>) -> String {
    match scale {
        Some(word) => format!("{number} {word}"),
        None => number.to_string(),
    }
}

/// A plain number as printed; one written with Korean units in English numerals.
fn side_text(side: &Side) -> (String, Option<&'static str>) {
    if !side.korean {
        return (side.printed.clone(), None);
    }
    const SCALES: [(u128, &str); 3] = [
        (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
    ];
    for (scale, word) in SCALES {
        if side.micros >= scale * ONE && side.micros % scale == 0 {
            return (numerals(side.micros / scale), Some(word));
        }
    }
    (numerals(side.micros), None)
}

/// Millionths as English numerals: thousands commas, the decimals that are not zero.
fn numerals(micros: u128) -> String {
    let whole = (micros / ONE).to_string();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let fraction = micros % ONE;
    if fraction > 0 {
        let digits = format!("{fraction:06}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(ko: &str, en: &str) -> Text {
        Text {
            ko: ko.into(),
            en: en.into(),
        }
    }

    /// The figure with the printed form beside it, as English outputs show it.
    fn en(value: &str, ko: &str, en: &str) -> String {
        read(value, Some(&unit(ko, en))).to_string()
    }

    // The issue's examples. 여 reads "over" everywhere (the issue wrote "about" for
    // 1만여 once and "over" for 천여: one meaning had to be chosen, and 餘 is "beyond").
    #[test]
    fn the_issues_examples() {
        assert_eq!(en("2,312억", "원", "won"), "KRW 231.2 billion (2,312억 원)");
        assert_eq!(en("5,200억", "원", "won"), "KRW 520 billion (5,200억 원)");
        assert_eq!(en("1980~1995", "년", "year"), "1980–1995");
        assert_eq!(en("1만여", "명", "people"), "over 10,000 people (1만여 명)");
        assert_eq!(en("천여", "건", "a year"), "over 1,000 a year (천여 건)");
    }

    #[test]
    fn a_magnitude_written_in_the_unit_joins_the_number() {
        assert_eq!(
            en("2,312", "억원", "100 million won"),
            "KRW 231.2 billion (2,312억 원)"
        );
        assert_eq!(en("5,200", "억 원", "won"), "KRW 520 billion (5,200억 원)");
        assert_eq!(
            en("350", "백만원", "million won"),
            "KRW 350 million (350백만 원)"
        );
        assert_eq!(
            en("2,050", "억 달러", "US dollars"),
            "USD 205 billion (2,050억 달러)"
        );
        // Not a currency: the syllable is part of a word, not a magnitude.
        assert_eq!(en("80", "만족도", "satisfaction"), "80 satisfaction");
    }

    #[test]
    fn every_form_in_the_shipped_collection() {
        // Each distinct printed form the cases hold (value, Korean unit, English unit).
        let cases = [
            (
                "9만",
                "리라 이상",
                "lira or more",
                "90,000 lira or more (9만 리라 이상)",
            ),
            ("10만", "원", "won", "KRW 100,000 (10만 원)"),
            ("33,000", "리라", "lira", "33,000 lira"),
            ("4천여", "명", "people", "over 4,000 people (4천여 명)"),
            ("약 2조", "원", "won", "about KRW 2 trillion (약 2조 원)"),
            ("220여", "개", "firms", "over 220 firms (220여 개)"),
            ("3,000억", "원", "won", "KRW 300 billion (3,000억 원)"),
            (
                "천여",
                "건 이상(연간)",
                "applications a year",
                "over 1,000 applications a year (천여 건 이상(연간))",
            ),
            (
                "16만 2천",
                "개 이상",
                "jobs or more",
                "162,000 jobs or more (16만 2천 개 이상)",
            ),
            ("10여", "개 도시", "cities", "over 10 cities (10여 개 도시)"),
            ("12억", "평", "pyeong", "1.2 billion pyeong (12억 평)"),
            ("250만", "명", "people", "2.5 million people (250만 명)"),
            ("9,000여", "개", "firms", "over 9,000 firms (9,000여 개)"),
            (
                "2,050억",
                "달러",
                "US dollars",
                "USD 205 billion (2,050억 달러)",
            ),
            (
                "4,200억",
                "달러",
                "US dollars",
                "USD 420 billion (4,200억 달러)",
            ),
            ("30", "% 이상", "% or more", "30% or more"),
            (
                "30여",
                "명 내외",
                "students, give or take",
                "over 30 students, give or take (30여 명 내외)",
            ),
            ("69.3", "%", "%", "69.3%"),
            ("116", "개", "institutes", "116 institutes"),
            ("1268", "년", "year", "1268"),
            ("30", "년", "years", "30 years"),
            (
                "5",
                "년(2002년부터)",
                "years (from 2002)",
                "5 years (from 2002)",
            ),
            ("7,500", "人/日", "person-days", "7,500 person-days"),
            (
                "80/50",
                "개/개월",
                "defects / months",
                "80/50 defects / months",
            ),
            (
                "12",
                "개(전체 14개 공장 중)",
                "plants (of 14 in total)",
                "12 plants (of 14 in total)",
            ),
            (
                "4",
                "대 혁신지역",
                "leading innovation regions",
                "4 leading innovation regions",
            ),
            ("80", "mile", "miles", "80 miles"),
        ];
        for (value, ko, english, expected) in cases {
            assert_eq!(en(value, ko, english), expected, "{value} {ko}");
        }
    }

    #[test]
    fn mixed_units_and_decimals_are_exact() {
        assert_eq!(
            en("1조 2,000억", "원", "won"),
            "KRW 1.2 trillion (1조 2,000억 원)"
        );
        assert_eq!(en("1.5억", "원", "won"), "KRW 150 million (1.5억 원)");
        assert_eq!(en("2천5백", "명", "people"), "2,500 people (2천5백 명)");
        assert_eq!(en("만", "명", "people"), "10,000 people (만 명)");
        // Scaling would need rounding: written in full instead.
        assert_eq!(
            en("123.456789만", "명", "people"),
            "1,234,567.89 people (123.456789만 명)"
        );
        assert_eq!(
            en("9,999조", "원", "won"),
            "KRW 9,999 trillion (9,999조 원)"
        );
    }

    #[test]
    fn approximations_and_ranges() {
        assert_eq!(en("약 10만", "원", "won"), "about KRW 100,000 (약 10만 원)");
        assert_eq!(en("약 30", "%", "%"), "about 30% (약 30%)");
        assert_eq!(
            en("1~2만", "명", "people"),
            "10,000–20,000 people (1~2만 명)"
        );
        assert_eq!(en("1~2억", "원", "won"), "KRW 100–200 million (1~2억 원)");
        assert_eq!(
            en("5천만~2억", "원", "won"),
            "KRW 50–200 million (5천만~2억 원)"
        );
        assert_eq!(
            en("5억~1조", "원", "won"),
            "KRW 500 million–1 trillion (5억~1조 원)"
        );
        assert_eq!(en("1995∼2000", "년", "years"), "1995–2000");
        assert_eq!(en("3~5", "년", "years"), "3–5 years");
    }

    #[test]
    fn an_untranslated_unit_uses_the_counter_table() {
        assert_eq!(en("1만여", "명", "명"), "over 10,000 people (1만여 명)");
        assert_eq!(en("3", "배", ""), "3 times");
        assert_eq!(en("40", "개사 이상", "개사 이상"), "40 firms or more");
        // A counter the table does not know stays as the data gives it.
        assert_eq!(en("5", "척", "척"), "5 척");
    }

    #[test]
    fn what_the_rule_cannot_read_is_left_as_printed() {
        for value in [
            "80/50", "수십", "1,5", "12,34", "약", "1~2~3", "10여~20", "1.2.3", "만만",
        ] {
            let read = read(value, Some(&unit("개", "firms")));
            assert_eq!(read.printed, None, "{value:?}");
            assert_eq!(read.reading, format!("{value} firms"), "{value:?}");
        }
        // Units out of order are no number either.
        assert_eq!(read("2만 3억", None).to_string(), "2만 3억");
        assert_eq!(read("5백2천", None).to_string(), "5백2천");
    }

    #[test]
    fn no_unit_and_the_json_reading() {
        assert_eq!(read("1만여", None).to_string(), "over 10,000 (1만여)");
        let reading = read("2,312억", Some(&unit("원", "won")));
        assert_eq!(reading.reading, "KRW 231.2 billion");
        assert_eq!(reading.printed.as_deref(), Some("2,312억 원"));
    }
}
