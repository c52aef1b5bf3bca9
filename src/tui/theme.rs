//! Colours and text styles. Meaning is never carried by colour alone (strengths have
//! symbols and words, the selection has a marker, a case marked for comparison a `✓` in
//! its own column), so NO_COLOR and the high-contrast projector theme lose nothing.
//!
//! The dark theme writes on the terminal's own background and colours. The light and
//! high-contrast themes paint every cell they own, background included: they can be
//! chosen at run time (`Ctrl-t`) on a terminal whose profile is the opposite, and a
//! projector must not show the profile's colours through the gaps. They take their
//! colours from the 256-colour cube and grey ramp (indexes 16–255), never from the 16
//! base colours: a terminal's colour scheme redefines those 16 (palette 3, "yellow", is
//! a dark olive in many of them; 8–15 mean "bright" in some and "bold" in others), while
//! xterm's cube and ramp have fixed RGB values that schemes leave alone and that every
//! 256-colour terminal shows, truecolor or not. [`rgb`] and [`contrast`] compute with
//! those values (WCAG 2 contrast), so tests can check what the eye gets.
//!
//! Depends on `config` (the theme's name), `model` (the language of its name) and
//! ratatui's styles.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;
use crate::model::Lang;

/// The styles the renderer uses, by role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    /// Patched over another style (a result, a found line): it sets no background, so
    /// the line's own (a selection bar's, say) shows through.
    pub highlight: Style,
    pub muted: Style,
    pub heading: Style,
    pub link: Style,
    pub link_selected: Style,
    pub badge: Style,
    pub status: Style,
    pub warning: Style,
    pub strong: Style,
    pub weak: Style,
    /// The `✓` of a case marked for comparison (and the marks on the status bar).
    pub mark: Style,
}

// Fixed colours of xterm's 256-colour cube (16–231) and grey ramp (232–255).
const BLACK: Color = Color::Indexed(16); // #000000
const WHITE: Color = Color::Indexed(231); // #ffffff
const YELLOW: Color = Color::Indexed(226); // #ffff00
const CYAN: Color = Color::Indexed(51); // #00ffff
const INK: Color = Color::Indexed(235); // #262626, text on white
const GREY: Color = Color::Indexed(240); // #585858, 7:1 on white
const RULE: Color = Color::Indexed(245); // #8a8a8a, borders on white
const BAR: Color = Color::Indexed(252); // #d0d0d0, the light status bar
const BLUE: Color = Color::Indexed(25); // #005faf, 6.4:1 with white either way
const PETROL: Color = Color::Indexed(24); // #005f87
const MAGENTA: Color = Color::Indexed(125); // #af005f
const GREEN: Color = Color::Indexed(28); // #008700
const RED: Color = Color::Indexed(124); // #af0000

impl Theme {
    pub fn new(theme: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        match theme {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light().painted(INK, WHITE),
            ThemeName::HighContrast => Theme::high_contrast().painted(WHITE, BLACK),
        }
    }

    /// On the terminal's own background, in its base colours.
    fn dark() -> Theme {
        Theme {
            base: Style::new(),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Indexed(237))
                .add_modifier(Modifier::BOLD),
            highlight: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            muted: Style::new().fg(Color::Gray),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            link: Style::new().fg(Color::LightBlue),
            link_selected: Style::new().fg(Color::Black).bg(Color::LightBlue),
            badge: Style::new().fg(Color::Black).bg(Color::Gray),
            status: Style::new().bg(Color::Indexed(236)),
            warning: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            strong: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            weak: Style::new().fg(Color::LightRed),
            mark: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Dark ink on white. The selection is white on a mid blue: 6.4:1 for its text, and
    /// the bar itself 6.4:1 against the white rows, where a pale grey bar (the old one)
    /// was 1.3:1 and vanished on a projector. The mark is a white `✓` on green, which
    /// shows on a white row and on the blue bar alike.
    fn light() -> Theme {
        Theme {
            base: Style::new().fg(INK).bg(WHITE),
            border: Style::new().fg(RULE),
            border_focused: Style::new().fg(BLUE).add_modifier(Modifier::BOLD),
            title: Style::new().fg(BLACK).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(WHITE).bg(BLUE).add_modifier(Modifier::BOLD),
            highlight: Style::new()
                .fg(MAGENTA)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            muted: Style::new().fg(GREY),
            heading: Style::new().fg(BLUE).add_modifier(Modifier::BOLD),
            link: Style::new().fg(PETROL),
            link_selected: Style::new().fg(WHITE).bg(PETROL),
            badge: Style::new().fg(WHITE).bg(GREY),
            status: Style::new().fg(INK).bg(BAR),
            warning: Style::new().fg(RED).add_modifier(Modifier::BOLD),
            strong: Style::new().fg(GREEN).add_modifier(Modifier::BOLD),
            weak: Style::new().fg(RED),
            mark: Style::new()
                .fg(WHITE)
                .bg(GREEN)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// White on black with yellow and cyan accents: the three strongest pairs there
    /// are (21:1, 19.6:1, 16.7:1), in the cube's exact colours rather than palette 3
    /// and 6, which schemes dim.
    fn high_contrast() -> Theme {
        Theme {
            base: Style::new().fg(WHITE).bg(BLACK),
            border: Style::new().fg(WHITE),
            border_focused: Style::new().fg(YELLOW).add_modifier(Modifier::BOLD),
            title: Style::new().fg(WHITE).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .fg(BLACK)
                .bg(YELLOW)
                .add_modifier(Modifier::BOLD),
            highlight: Style::new()
                .fg(YELLOW)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            muted: Style::new().fg(WHITE),
            heading: Style::new().fg(YELLOW).add_modifier(Modifier::BOLD),
            link: Style::new().fg(CYAN).add_modifier(Modifier::BOLD),
            link_selected: Style::new().fg(BLACK).bg(CYAN).add_modifier(Modifier::BOLD),
            badge: Style::new().fg(BLACK).bg(WHITE),
            status: Style::new().fg(WHITE).bg(BLACK),
            warning: Style::new()
                .fg(BLACK)
                .bg(YELLOW)
                .add_modifier(Modifier::BOLD),
            strong: Style::new().fg(WHITE).add_modifier(Modifier::BOLD),
            weak: Style::new().fg(WHITE).add_modifier(Modifier::UNDERLINED),
            mark: Style::new()
                .fg(YELLOW)
                .bg(BLACK)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// Every style given an explicit foreground and background (`fg` and `bg` where it
    /// names none), so no cell falls back to the terminal's colours. The highlight stays
    /// without a background: it is only ever patched over a style that has one.
    fn painted(self, fg: Color, bg: Color) -> Theme {
        let paint = |s: Style| Style {
            fg: s.fg.or(Some(fg)),
            bg: s.bg.or(Some(bg)),
            ..s
        };
        Theme {
            base: paint(self.base),
            border: paint(self.border),
            border_focused: paint(self.border_focused),
            title: paint(self.title),
            selected: paint(self.selected),
            highlight: Style {
                fg: self.highlight.fg.or(Some(fg)),
                ..self.highlight
            },
            muted: paint(self.muted),
            heading: paint(self.heading),
            link: paint(self.link),
            link_selected: paint(self.link_selected),
            badge: paint(self.badge),
            status: paint(self.status),
            warning: paint(self.warning),
            strong: paint(self.strong),
            weak: paint(self.weak),
            mark: paint(self.mark),
        }
    }

    /// Attributes only, for NO_COLOR: bold, underline and reverse still carry structure.
    /// Whether this is the theme without colour (NO_COLOR), where only text carries
    /// meaning — the chart view draws text bars then.
    pub fn is_monochrome(&self) -> bool {
        *self == Theme::monochrome()
    }

    pub fn monochrome() -> Theme {
        Theme {
            base: Style::new(),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            highlight: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            muted: Style::new(),
            heading: Style::new().add_modifier(Modifier::BOLD),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            link_selected: Style::new().add_modifier(Modifier::REVERSED),
            badge: Style::new().add_modifier(Modifier::REVERSED),
            status: Style::new(),
            warning: Style::new().add_modifier(Modifier::BOLD),
            strong: Style::new().add_modifier(Modifier::BOLD),
            weak: Style::new(),
            mark: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}

/// A theme's name as the status bar says it when the theme changes.
pub fn label(theme: ThemeName, lang: Lang) -> &'static str {
    match theme {
        ThemeName::Dark => lang.pick("어두운 테마", "dark theme"),
        ThemeName::Light => lang.pick("밝은 테마", "light theme"),
        ThemeName::HighContrast => lang.pick(
            "고대비 테마 (발표용)",
            "high-contrast theme (for projectors)",
        ),
    }
}

/// The RGB value of a colour whose value is fixed: an RGB colour, or an index of the
/// 256-colour cube (16–231) or grey ramp (232–255). `None` for the 16 base colours and
/// `Reset`, which mean whatever the terminal's scheme says.
pub fn rgb(color: Color) -> Option<(u8, u8, u8)> {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match color {
        Color::Rgb(r, g, b) => Some((r, g, b)),
        Color::Indexed(i @ 16..=231) => {
            let n = (i - 16) as usize;
            Some((LEVELS[n / 36], LEVELS[n / 6 % 6], LEVELS[n % 6]))
        }
        Color::Indexed(i @ 232..=255) => {
            let v = 8 + 10 * (i - 232);
            Some((v, v, v))
        }
        _ => None,
    }
}

/// WCAG 2 contrast ratio of two fixed colours (1 to 21), `None` if either is not fixed.
pub fn contrast(a: Color, b: Color) -> Option<f64> {
    let luminance = |(r, g, b): (u8, u8, u8)| {
        let channel = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    };
    let (la, lb) = (luminance(rgb(a)?), luminance(rgb(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cube_and_ramp_colours_have_their_xterm_values() {
        assert_eq!(rgb(BLACK), Some((0, 0, 0)));
        assert_eq!(rgb(WHITE), Some((255, 255, 255)));
        assert_eq!(rgb(YELLOW), Some((255, 255, 0)));
        assert_eq!(rgb(BLUE), Some((0, 95, 175)));
        assert_eq!(rgb(INK), Some((38, 38, 38)));
        assert_eq!(rgb(Color::Yellow), None);
        assert!((contrast(BLACK, WHITE).unwrap() - 21.0).abs() < 1e-9);
    }

    #[test]
    fn light_and_high_contrast_use_only_fixed_colours_on_every_style() {
        for name in [ThemeName::Light, ThemeName::HighContrast] {
            let t = Theme::new(name, false);
            let text = [
                t.base,
                t.title,
                t.selected,
                t.muted,
                t.heading,
                t.link,
                t.link_selected,
                t.badge,
                t.status,
                t.warning,
                t.strong,
                t.weak,
                t.mark,
            ];
            for (style, least) in text
                .iter()
                .map(|s| (s, 4.5))
                .chain([(&t.border, 3.0), (&t.border_focused, 3.0)])
            {
                let (fg, bg) = (style.fg.expect("fg"), style.bg.expect("bg"));
                assert!(
                    rgb(fg).is_some() && rgb(bg).is_some(),
                    "{name:?}: {style:?}"
                );
                // Text reads at WCAG AA (4.5:1) or better, a border at 3:1 (WCAG 1.4.11).
                let ratio = contrast(fg, bg).unwrap();
                assert!(ratio >= least, "{name:?}: {style:?} is {ratio:.2}:1");
            }
            assert!(
                t.highlight.bg.is_none(),
                "the highlight patches, it never paints"
            );
        }
    }
}
