//! Keys → actions, in one table. The `?` help overlay is generated from the same table,
//! so the help text and the key handling cannot drift apart. Only key presses count;
//! releases and repeats from terminals that report them are ignored by the caller.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::model::Lang;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Browsing lists and details.
    Browse,
    /// Typing in the search box.
    Search,
}

/// One key, as written in the help.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub label: &'static str,
}

const fn key(code: KeyCode, label: &'static str) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
        label,
    }
}

const fn ctrl(c: char, label: &'static str) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
        label,
    }
}

const fn ch(c: char, label: &'static str) -> Key {
    key(KeyCode::Char(c), label)
}

/// A row of the key table: the keys, what they do, and the help text in both languages.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help_ko: &'static str,
    pub help_en: &'static str,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help_ko, self.help_en)
    }
}

use Context::{Browse, Search};

/// Every key casebook understands.
pub const BINDINGS: &[Binding] = &[
    Binding {
        context: Browse,
        keys: &[key(KeyCode::Down, "↓"), ch('j', "j")],
        action: Action::SelectNext,
        help_ko: "다음 항목",
        help_en: "next item",
    },
    Binding {
        context: Browse,
        keys: &[key(KeyCode::Up, "↑"), ch('k', "k")],
        action: Action::SelectPrevious,
        help_ko: "이전 항목",
        help_en: "previous item",
    },
    Binding {
        context: Browse,
        keys: &[key(KeyCode::PageDown, "PgDn"), ctrl('d', "Ctrl-d")],
        action: Action::PageDown,
        help_ko: "한 화면 아래",
        help_en: "page down",
    },
    Binding {
        context: Browse,
        keys: &[key(KeyCode::PageUp, "PgUp"), ctrl('u', "Ctrl-u")],
        action: Action::PageUp,
        help_ko: "한 화면 위",
        help_en: "page up",
    },
    Binding {
        context: Browse,
        keys: &[ch('g', "g"), key(KeyCode::Home, "Home")],
        action: Action::SelectFirst,
        help_ko: "맨 처음",
        help_en: "first",
    },
    Binding {
        context: Browse,
        keys: &[ch('G', "G"), key(KeyCode::End, "End")],
        action: Action::SelectLast,
        help_ko: "맨 끝",
        help_en: "last",
    },
    Binding {
        context: Browse,
        keys: &[key(KeyCode::Tab, "Tab")],
        action: Action::NextPane,
        help_ko: "다음 창",
        help_en: "next pane",
    },
    Binding {
        context: Browse,
        keys: &[key(KeyCode::BackTab, "Shift-Tab")],
        action: Action::PreviousPane,
        help_ko: "이전 창",
        help_en: "previous pane",
    },
    Binding {
        context: Browse,
        keys: &[ch('1', "1")],
        action: Action::ShowPane(0),
        help_ko: "사례",
        help_en: "cases",
    },
    Binding {
        context: Browse,
        keys: &[ch('2', "2")],
        action: Action::ShowPane(1),
        help_ko: "구성주체 역할",
        help_en: "actor roles",
    },
    Binding {
        context: Browse,
        keys: &[ch('3', "3")],
        action: Action::ShowPane(2),
        help_ko: "성공요인",
        help_en: "success factors",
    },
    Binding {
        context: Browse,
        keys: &[ch('4', "4")],
        action: Action::ShowPane(3),
        help_ko: "정책문제",
        help_en: "policy problems",
    },
    Binding {
        context: Browse,
        keys: &[ch('5', "5")],
        action: Action::ShowPane(4),
        help_ko: "유형·전략·개념",
        help_en: "types, strategies, concepts",
    },
    Binding {
        context: Browse,
        keys: &[
            key(KeyCode::Enter, "Enter"),
            key(KeyCode::Right, "→"),
            ch('l', "l"),
        ],
        action: Action::Open,
        help_ko: "열기 / 링크 따라가기",
        help_en: "open / follow link",
    },
    Binding {
        context: Browse,
        keys: &[key(KeyCode::Backspace, "Backspace"), ch('b', "b")],
        action: Action::Back,
        help_ko: "뒤로 (방문 기록)",
        help_en: "back (history)",
    },
    Binding {
        context: Browse,
        keys: &[
            key(KeyCode::Esc, "Esc"),
            key(KeyCode::Left, "←"),
            ch('h', "h"),
        ],
        action: Action::Close,
        help_ko: "목록으로 / 닫기",
        help_en: "to the list / close",
    },
    Binding {
        context: Browse,
        keys: &[ch('/', "/")],
        action: Action::OpenSearch,
        help_ko: "검색",
        help_en: "search",
    },
    Binding {
        context: Browse,
        keys: &[ch('t', "t")],
        action: Action::CycleTypeFilter,
        help_ko: "사례 필터: 유형",
        help_en: "case filter: type",
    },
    Binding {
        context: Browse,
        keys: &[ch('c', "c")],
        action: Action::CycleCountryFilter,
        help_ko: "사례 필터: 국가",
        help_en: "case filter: country",
    },
    Binding {
        context: Browse,
        keys: &[ch('s', "s")],
        action: Action::CycleStatusFilter,
        help_ko: "사례 필터: 상태",
        help_en: "case filter: status",
    },
    Binding {
        context: Browse,
        keys: &[ch('x', "x")],
        action: Action::ClearFilters,
        help_ko: "필터 모두 해제",
        help_en: "clear filters",
    },
    Binding {
        context: Browse,
        keys: &[ch('L', "L")],
        action: Action::ToggleLanguage,
        help_ko: "한국어 / English",
        help_en: "Korean / English",
    },
    Binding {
        context: Browse,
        keys: &[ch('e', "e")],
        action: Action::ToggleErrors,
        help_ko: "불러오기 오류 목록",
        help_en: "load problems",
    },
    Binding {
        context: Browse,
        keys: &[ch('?', "?")],
        action: Action::ToggleHelp,
        help_ko: "도움말",
        help_en: "help",
    },
    Binding {
        context: Browse,
        keys: &[ch('q', "q"), ctrl('c', "Ctrl-c")],
        action: Action::Quit,
        help_ko: "종료",
        help_en: "quit",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::Enter, "Enter")],
        action: Action::Open,
        help_ko: "결과로 이동",
        help_en: "go to the result",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::Down, "↓"), ctrl('n', "Ctrl-n")],
        action: Action::SelectNext,
        help_ko: "다음 결과",
        help_en: "next result",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::Up, "↑"), ctrl('p', "Ctrl-p")],
        action: Action::SelectPrevious,
        help_ko: "이전 결과",
        help_en: "previous result",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::PageDown, "PgDn")],
        action: Action::PageDown,
        help_ko: "결과 한 화면 아래",
        help_en: "results page down",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::PageUp, "PgUp")],
        action: Action::PageUp,
        help_ko: "결과 한 화면 위",
        help_en: "results page up",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::Backspace, "Backspace")],
        action: Action::SearchBackspace,
        help_ko: "앞 글자 지우기",
        help_en: "delete before caret",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::Delete, "Del")],
        action: Action::SearchDelete,
        help_ko: "뒤 글자 지우기",
        help_en: "delete after caret",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::Left, "←")],
        action: Action::SearchCaretLeft,
        help_ko: "커서 왼쪽",
        help_en: "caret left",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::Right, "→")],
        action: Action::SearchCaretRight,
        help_ko: "커서 오른쪽",
        help_en: "caret right",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::Home, "Home"), ctrl('a', "Ctrl-a")],
        action: Action::SearchCaretHome,
        help_ko: "커서 맨 앞",
        help_en: "caret to start",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::End, "End"), ctrl('e', "Ctrl-e")],
        action: Action::SearchCaretEnd,
        help_ko: "커서 맨 뒤",
        help_en: "caret to end",
    },
    Binding {
        context: Search,
        keys: &[ctrl('u', "Ctrl-u")],
        action: Action::SearchClear,
        help_ko: "입력 지우기",
        help_en: "clear input",
    },
    Binding {
        context: Search,
        keys: &[key(KeyCode::Esc, "Esc")],
        action: Action::Close,
        help_ko: "검색 닫기",
        help_en: "close search",
    },
    Binding {
        context: Search,
        keys: &[ctrl('c', "Ctrl-c")],
        action: Action::Quit,
        help_ko: "종료",
        help_en: "quit",
    },
];

fn matches(key: &Key, event: &KeyEvent) -> bool {
    if key.code != event.code {
        return false;
    }
    // Shift is part of the character for letters ('G', '?'); compare the rest.
    let relevant = event.modifiers - KeyModifiers::SHIFT;
    let wanted = key.modifiers - KeyModifiers::SHIFT;
    relevant == wanted
}

/// The action for a key press in a context, if any.
pub fn action_for(event: &KeyEvent, context: Context) -> Option<Action> {
    if let Some(binding) = BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .find(|b| b.keys.iter().any(|k| matches(k, event)))
    {
        return Some(binding.action.clone());
    }
    // In the search box every other printable character is text.
    if context == Context::Search {
        if let KeyCode::Char(c) = event.code {
            let plain = (event.modifiers - KeyModifiers::SHIFT).is_empty();
            if plain && !c.is_control() {
                return Some(Action::SearchInsert(c));
            }
        }
    }
    None
}

/// The keys of a binding as one label: "↓ j".
pub fn key_labels(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(|k| k.label)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_action_in_browse_has_one_binding() {
        let mut seen = Vec::new();
        for b in BINDINGS.iter().filter(|b| b.context == Browse) {
            for k in b.keys {
                let id = (k.code, k.modifiers);
                assert!(!seen.contains(&id), "key {} bound twice", k.label);
                seen.push(id);
            }
        }
    }

    #[test]
    fn letters_type_into_search_but_move_when_browsing() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(action_for(&j, Browse), Some(Action::SelectNext));
        assert_eq!(action_for(&j, Search), Some(Action::SearchInsert('j')));
        let hangul = press(KeyCode::Char('샌'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&hangul, Search),
            Some(Action::SearchInsert('샌'))
        );
        let capital = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&capital, Browse), Some(Action::SelectLast));
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        let c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&c, Browse), Some(Action::Quit));
        assert_eq!(action_for(&c, Search), Some(Action::Quit));
    }
}
