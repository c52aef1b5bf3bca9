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

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help_ko: &'static str,
    help_en: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help_ko,
        help_en,
    }
}

/// Every key casebook understands: context, keys, action, help in Korean and English.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(Browse, &[key(KeyCode::Down, "↓"), ch('j', "j")], Action::SelectNext, "다음 항목", "next item"),
    b(Browse, &[key(KeyCode::Up, "↑"), ch('k', "k")], Action::SelectPrevious, "이전 항목", "previous item"),
    b(Browse, &[key(KeyCode::PageDown, "PgDn"), ctrl('d', "Ctrl-d")], Action::PageDown, "한 화면 아래", "page down"),
    b(Browse, &[key(KeyCode::PageUp, "PgUp"), ctrl('u', "Ctrl-u")], Action::PageUp, "한 화면 위", "page up"),
    b(Browse, &[ch('g', "g"), key(KeyCode::Home, "Home")], Action::SelectFirst, "맨 처음", "first"),
    b(Browse, &[ch('G', "G"), key(KeyCode::End, "End")], Action::SelectLast, "맨 끝", "last"),
    b(Browse, &[key(KeyCode::Tab, "Tab")], Action::NextPane, "다음 창", "next pane"),
    b(Browse, &[key(KeyCode::BackTab, "Shift-Tab")], Action::PreviousPane, "이전 창", "previous pane"),
    b(Browse, &[ch('1', "1")], Action::ShowPane(0), "사례", "cases"),
    b(Browse, &[ch('2', "2")], Action::ShowPane(1), "구성주체 역할", "actor roles"),
    b(Browse, &[ch('3', "3")], Action::ShowPane(2), "성공요인", "success factors"),
    b(Browse, &[ch('4', "4")], Action::ShowPane(3), "정책문제", "policy problems"),
    b(Browse, &[ch('5', "5")], Action::ShowPane(4), "유형·전략·개념", "types, strategies, concepts"),
    b(Browse, &[key(KeyCode::Enter, "Enter"), key(KeyCode::Right, "→"), ch('l', "l")], Action::Open, "열기 / 링크 따라가기", "open / follow link"),
    b(Browse, &[key(KeyCode::Backspace, "Backspace"), ch('b', "b")], Action::Back, "뒤로 (방문 기록)", "back (history)"),
    b(Browse, &[key(KeyCode::Esc, "Esc"), key(KeyCode::Left, "←"), ch('h', "h")], Action::Close, "목록으로 / 닫기", "to the list / close"),
    b(Browse, &[ch('/', "/")], Action::OpenSearch, "검색", "search"),
    b(Browse, &[ch('t', "t")], Action::CycleTypeFilter, "사례 필터: 유형", "case filter: type"),
    b(Browse, &[ch('c', "c")], Action::CycleCountryFilter, "사례 필터: 국가", "case filter: country"),
    b(Browse, &[ch('s', "s")], Action::CycleStatusFilter, "사례 필터: 상태", "case filter: status"),
    b(Browse, &[ch('x', "x")], Action::ClearFilters, "필터 모두 해제", "clear filters"),
    b(Browse, &[ch('m', "m")], Action::ToggleMark, "비교할 사례 표시/해제", "mark case for comparison"),
    b(Browse, &[ch('C', "C")], Action::CompareMarked, "표시한 사례 나란히 비교", "compare marked cases"),
    b(Browse, &[ch('p', "p")], Action::CompareCounterpart, "대응 사례와 비교", "compare with counterpart"),
    b(Browse, &[ch('M', "M")], Action::ShowMatrix, "역할 강도 매트릭스", "role-strength matrix"),
    b(Browse, &[ch('T', "T")], Action::ShowTimeline, "시기별 연표", "era timeline"),
    b(Browse, &[ch('P', "P")], Action::TogglePresenter, "발표 모드 (전체 화면)", "presenter mode (full screen)"),
    b(Browse, &[ch('y', "y")], Action::Copy, "마크다운으로 복사 (출처 포함)", "copy as Markdown (with sources)"),
    b(Browse, &[ch('L', "L")], Action::ToggleLanguage, "한국어 / English", "Korean / English"),
    b(Browse, &[ch('e', "e")], Action::ToggleErrors, "불러오기 오류 목록", "load problems"),
    b(Browse, &[ch('?', "?")], Action::ToggleHelp, "도움말", "help"),
    b(Browse, &[ch('q', "q"), ctrl('c', "Ctrl-c")], Action::Quit, "종료", "quit"),
    b(Search, &[key(KeyCode::Enter, "Enter")], Action::Open, "결과로 이동", "go to the result"),
    b(Search, &[key(KeyCode::Down, "↓"), ctrl('n', "Ctrl-n")], Action::SelectNext, "다음 결과", "next result"),
    b(Search, &[key(KeyCode::Up, "↑"), ctrl('p', "Ctrl-p")], Action::SelectPrevious, "이전 결과", "previous result"),
    b(Search, &[key(KeyCode::PageDown, "PgDn")], Action::PageDown, "결과 한 화면 아래", "results page down"),
    b(Search, &[key(KeyCode::PageUp, "PgUp")], Action::PageUp, "결과 한 화면 위", "results page up"),
    b(Search, &[key(KeyCode::Backspace, "Backspace")], Action::SearchBackspace, "앞 글자 지우기", "delete before caret"),
    b(Search, &[key(KeyCode::Delete, "Del")], Action::SearchDelete, "뒤 글자 지우기", "delete after caret"),
    b(Search, &[key(KeyCode::Left, "←")], Action::SearchCaretLeft, "커서 왼쪽", "caret left"),
    b(Search, &[key(KeyCode::Right, "→")], Action::SearchCaretRight, "커서 오른쪽", "caret right"),
    b(Search, &[key(KeyCode::Home, "Home"), ctrl('a', "Ctrl-a")], Action::SearchCaretHome, "커서 맨 앞", "caret to start"),
    b(Search, &[key(KeyCode::End, "End"), ctrl('e', "Ctrl-e")], Action::SearchCaretEnd, "커서 맨 뒤", "caret to end"),
    b(Search, &[ctrl('u', "Ctrl-u")], Action::SearchClear, "입력 지우기", "clear input"),
    b(Search, &[key(KeyCode::Esc, "Esc")], Action::Close, "검색 닫기", "close search"),
    b(Search, &[ctrl('c', "Ctrl-c")], Action::Quit, "종료", "quit"),
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
