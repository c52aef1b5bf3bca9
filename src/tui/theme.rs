//! Colours and text styles. Meaning is never carried by colour alone (strengths have
//! symbols and words, the selection has a marker, a case marked for comparison a `✓` in
//! its own column), so NO_COLOR and the high-contrast projector theme lose nothing.
//!
//! Depends on `config` (the theme's name) and ratatui's styles.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;

/// The styles the renderer uses, by role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
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

impl Theme {
    pub fn new(theme: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        match theme {
            ThemeName::Dark => Theme {
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
            },
            ThemeName::Light => Theme {
                base: Style::new(),
                border: Style::new().fg(Color::Gray),
                border_focused: Style::new().fg(Color::Blue),
                title: Style::new().add_modifier(Modifier::BOLD),
                selected: Style::new()
                    .bg(Color::Indexed(254))
                    .add_modifier(Modifier::BOLD),
                highlight: Style::new()
                    .fg(Color::Magenta)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                muted: Style::new().fg(Color::DarkGray),
                heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
                link: Style::new().fg(Color::Blue),
                link_selected: Style::new().fg(Color::White).bg(Color::Blue),
                badge: Style::new().fg(Color::White).bg(Color::DarkGray),
                status: Style::new().bg(Color::Indexed(253)),
                warning: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                strong: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
                weak: Style::new().fg(Color::Red),
                mark: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            },
            ThemeName::HighContrast => Theme {
                base: Style::new().fg(Color::White).bg(Color::Black),
                border: Style::new().fg(Color::White),
                border_focused: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                title: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                highlight: Style::new()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                muted: Style::new().fg(Color::White),
                heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                link: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                link_selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(Modifier::BOLD),
                badge: Style::new().fg(Color::Black).bg(Color::White),
                status: Style::new().fg(Color::White).bg(Color::Black),
                warning: Style::new()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED),
                strong: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
                weak: Style::new()
                    .fg(Color::White)
                    .add_modifier(Modifier::UNDERLINED),
                mark: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
            },
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
