//! Keys → actions, in one table with a context per view. Dispatch
//! ([`action_for`]), the `?` help ([`help_lines`]) and every hint on screen
//! ([`hints`]) are read from the same table, so what the screen says a key does is what
//! it does.
//!
//! Conventions: lower-case letters act on the list (`m` marks, `u` unmarks all, `t` `c`
//! `s` `d` open a filter's picker, `x` clears filters, `r` lists the items opened
//! recently), capitals open a view (`C` compare, `M` matrix, `T` timeline, `P`
//! presenter), and `p` / `v` open one of the selected case (its counterpart comparison,
//! its charts); Ctrl-R searches the earlier queries; `q` and Esc close the top overlay or
//! view, and `q` quits only from the main view (the lists and the detail); in the search
//! box, the query history and a filter's picker every printable key the table does not
//! bind is text, Hangul included. Ctrl-C quits from anywhere with status 130; Ctrl-Z
//! suspends until `fg`; Alt+key is Esc followed by the key. Only key presses count; the
//! caller drops releases.
//!
//! Depends on the explorer's `action` (with its filter facets), on `model` (for the
//! language) and `keyboard` (jamo as the keys in their place).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Facet};
use crate::model::Lang;

/// Where keys are read: the view or overlay on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The list pane of the main view.
    List,
    /// The detail pane of the main view.
    Detail,
    /// Typing in the search box.
    Search,
    /// Cases side by side.
    Compare,
    /// The role matrix.
    Matrix,
    /// The era timeline.
    Timeline,
    /// The charts of a case or a comparison.
    Chart,
    /// One item full-screen.
    Presenter,
    /// The key help overlay.
    Help,
    /// The load-problems overlay.
    Errors,
    /// The list of recently opened items.
    Recent,
    /// Searching the query history (typing narrows it).
    History,
    /// A filter's picker: typing narrows its values.
    Picker,
}

impl Context {
    /// Every context, in the order the help lists them.
    pub const ALL: [Context; 13] = [
        Context::List,
        Context::Detail,
        Context::Search,
        Context::Compare,
        Context::Matrix,
        Context::Timeline,
        Context::Chart,
        Context::Presenter,
        Context::Help,
        Context::Errors,
        Context::Recent,
        Context::History,
        Context::Picker,
    ];

    /// The heading of this context's keys in the help.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Context::List => lang.pick("목록", "List"),
            Context::Detail => lang.pick("상세", "Detail"),
            Context::Search => lang.pick("검색 창", "Search box"),
            Context::Compare => lang.pick("사례 비교", "Compare"),
            Context::Matrix => lang.pick("역할 강도 매트릭스", "Role matrix"),
            Context::Timeline => lang.pick("시기별 연표", "Era timeline"),
            Context::Chart => lang.pick("차트", "Charts"),
            Context::Presenter => lang.pick("발표 모드", "Presenter"),
            Context::Help => lang.pick("도움말", "Help"),
            Context::Errors => lang.pick("불러오기 문제", "Load problems"),
            Context::Recent => lang.pick("최근 연 항목", "Recently opened"),
            Context::History => lang.pick("검색 기록", "Search history"),
            Context::Picker => lang.pick("필터 고르기", "Filter picker"),
        }
    }
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

/// A short word for the status bar (or presenter footer), with the keys to show.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub keys: &'static str,
    pub ko: &'static str,
    pub en: &'static str,
}

/// A row of the key table.
pub struct Binding {
    /// Where it applies.
    pub contexts: &'static [Context],
    pub keys: &'static [Key],
    pub action: Action,
    pub help_ko: &'static str,
    pub help_en: &'static str,
    /// Shown in the hint line of each of its contexts, in table order.
    pub hint: Option<Hint>,
}

impl Binding {
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help_ko, self.help_en)
    }

    /// The keys as one label: "↓ j".
    pub fn key_labels(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.label)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

use Context::{
    Chart, Compare, Detail, Errors, Help, History, List, Matrix, Picker, Presenter, Recent, Search,
    Timeline,
};

const fn b(
    contexts: &'static [Context],
    keys: &'static [Key],
    action: Action,
    help_ko: &'static str,
    help_en: &'static str,
) -> Binding {
    Binding {
        contexts,
        keys,
        action,
        help_ko,
        help_en,
        hint: None,
    }
}

/// A binding with a hint on the status bar (or presenter footer).
#[allow(clippy::too_many_arguments)]
const fn bh(
    contexts: &'static [Context],
    keys: &'static [Key],
    action: Action,
    help_ko: &'static str,
    help_en: &'static str,
    hint_keys: &'static str,
    hint_ko: &'static str,
    hint_en: &'static str,
) -> Binding {
    Binding {
        contexts,
        keys,
        action,
        help_ko,
        help_en,
        hint: Some(Hint {
            keys: hint_keys,
            ko: hint_ko,
            en: hint_en,
        }),
    }
}

const MAIN: &[Context] = &[List, Detail];
const EVERYWHERE: &[Context] = &[
    List, Detail, Search, Compare, Matrix, Timeline, Chart, Presenter, Help, Errors, Recent,
    History, Picker,
];
/// The full-width views and the overlays: every context but the main view and the box.
const ON_TOP: &[Context] = &[Compare, Matrix, Timeline, Chart, Presenter, Help, Errors];
const SCROLLED: &[Context] = &[Compare, Help, Errors];
const VIEWS: &[Context] = &[Compare, Matrix, Timeline, Chart, Presenter];

const DOWN: Key = key(KeyCode::Down, "↓");
const UP: Key = key(KeyCode::Up, "↑");
const PAGE_DOWN: Key = key(KeyCode::PageDown, "PgDn");
const PAGE_UP: Key = key(KeyCode::PageUp, "PgUp");
const ENTER: Key = key(KeyCode::Enter, "Enter");
const ESC: Key = key(KeyCode::Esc, "Esc");
const HOME: Key = key(KeyCode::Home, "Home");
const END: Key = key(KeyCode::End, "End");

/// Every key casebook understands.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // The main view: lists and the detail.
    b(MAIN, &[DOWN, ch('j', "j")], Action::SelectNext, "다음 항목 (상세: 다음 줄)", "next item (detail: next line)"),
    b(MAIN, &[UP, ch('k', "k")], Action::SelectPrevious, "이전 항목 (상세: 이전 줄)", "previous item (detail: previous line)"),
    b(MAIN, &[PAGE_DOWN, ctrl('d', "Ctrl-d")], Action::PageDown, "한 화면 아래", "page down"),
    b(MAIN, &[PAGE_UP, ctrl('u', "Ctrl-u")], Action::PageUp, "한 화면 위", "page up"),
    b(MAIN, &[ch('g', "g"), HOME], Action::SelectFirst, "맨 처음", "first"),
    b(MAIN, &[ch('G', "G"), END], Action::SelectLast, "맨 끝", "last"),
    b(MAIN, &[key(KeyCode::Tab, "Tab")], Action::NextPane, "다음 창", "next pane"),
    b(MAIN, &[key(KeyCode::BackTab, "Shift-Tab")], Action::PreviousPane, "이전 창", "previous pane"),
    b(MAIN, &[ch('1', "1")], Action::ShowPane(0), "사례", "cases"),
    b(MAIN, &[ch('2', "2")], Action::ShowPane(1), "구성주체 역할", "actor roles"),
    b(MAIN, &[ch('3', "3")], Action::ShowPane(2), "성공요인", "success factors"),
    b(MAIN, &[ch('4', "4")], Action::ShowPane(3), "정책문제", "policy problems"),
    b(MAIN, &[ch('5', "5")], Action::ShowPane(4), "유형·전략·개념", "types, strategies, concepts"),
    b(MAIN, &[ch('6', "6")], Action::ShowPane(5), "문헌: 절마다 인용한 항목", "sources: what cites each section"),
    bh(MAIN, &[ch('/', "/")], Action::OpenSearch, "검색", "search", "/", "검색", "search"),
    b(MAIN, &[ch('r', "r")], Action::ShowRecent, "최근 연 항목", "recently opened items"),
    b(&[List, Detail, Search], &[ctrl('r', "Ctrl-r")], Action::SearchHistory, "검색 기록에서 찾기", "search earlier queries"),
    bh(MAIN, &[ENTER, key(KeyCode::Right, "→"), ch('l', "l")], Action::Open, "열기 / 링크 따라가기", "open / follow link", "Enter", "열기", "open"),
    bh(MAIN, &[key(KeyCode::Backspace, "Backspace"), ch('b', "b")], Action::Back, "뒤로 (방문 기록)", "back (history)", "⌫", "뒤로", "back"),
    b(MAIN, &[ESC, key(KeyCode::Left, "←"), ch('h', "h")], Action::Close, "목록으로 / 필터 해제", "to the list / clear filters"),
    b(MAIN, &[ch('t', "t")], Action::OpenPicker(Facet::Type), "사례 필터: 유형 고르기", "case filter: pick types"),
    b(MAIN, &[ch('c', "c")], Action::OpenPicker(Facet::Country), "사례 필터: 국가 고르기", "case filter: pick countries"),
    b(MAIN, &[ch('s', "s")], Action::OpenPicker(Facet::Status), "사례 필터: 상태 고르기", "case filter: pick statuses"),
    b(MAIN, &[ch('d', "d")], Action::OpenPicker(Facet::Document), "문헌 필터 (모든 창): 보고서 / 발표자료", "document filter (every pane): report / presentation"),
    b(MAIN, &[ch('x', "x")], Action::ClearFilters, "필터 모두 해제 (비교 표시는 그대로)", "clear filters (marks stay)"),
    b(MAIN, &[ch('m', "m")], Action::ToggleMark, "비교할 사례 표시/해제 (✓, 최대 4개)", "mark / unmark case for comparison (✓, up to 4)"),
    b(MAIN, &[ch('u', "u")], Action::ClearMarks, "비교 표시 모두 해제", "unmark all cases"),
    b(MAIN, &[ch('C', "C")], Action::CompareMarked, "표시한 사례 나란히 비교 (표시는 그대로)", "compare marked cases (marks stay)"),
    b(MAIN, &[ch('p', "p")], Action::CompareCounterpart, "대응 사례와 비교", "compare with counterpart"),
    b(&[List, Detail, Compare, Timeline], &[ch('M', "M")], Action::ShowMatrix, "역할 강도 매트릭스", "role-strength matrix"),
    b(&[List, Detail, Compare, Matrix], &[ch('T', "T")], Action::ShowTimeline, "시기별 연표", "era timeline"),
    b(&[List, Detail, Compare, Presenter], &[ch('v', "v")], Action::ShowCharts, "수치를 차트로 보기", "see the figures as charts"),
    b(MAIN, &[ch('P', "P")], Action::TogglePresenter, "발표 모드 (전체 화면)", "presenter mode (full screen)"),
    b(MAIN, &[ch('y', "y")], Action::Copy, "커서가 있는 줄을 출처와 함께 복사", "copy the line under the cursor, with its source"),
    b(MAIN, &[ch('Y', "Y")], Action::CopyAll, "항목 전체를 마크다운으로 복사 (출처 목록 포함)", "copy the whole item as Markdown, with sources"),
    b(&[List, Detail, Compare, Matrix, Timeline, Presenter], &[ch('w', "w")], Action::SaveCopy, "마지막 복사본을 파일로 저장", "save the last copy to a file"),
    b(MAIN, &[ch('n', "n")], Action::NextMatch, "상세에서 검색어가 나오는 다음 줄", "next line of the detail with the last search's match"),
    b(MAIN, &[ch('N', "N")], Action::PreviousMatch, "검색어가 나오는 이전 줄", "previous line with the last search's match"),
    b(&[List, Detail, Compare, Matrix, Timeline, Chart, Presenter], &[ch('L', "L")], Action::ToggleLanguage, "한국어 / English", "Korean / English"),
    b(&[List, Detail, Compare, Matrix, Timeline, Chart, Presenter, Help], &[ch('e', "e")], Action::ToggleErrors, "불러오기 문제 목록", "load problems"),
    bh(MAIN, &[ch('?', "?")], Action::ToggleHelp, "도움말", "help", "?", "도움말", "help"),
    bh(MAIN, &[ch('q', "q")], Action::Quit, "종료", "quit", "q", "종료", "quit"),

    // The search box: every other printable key is text.
    bh(&[Search], &[ENTER], Action::Open, "결과로 이동", "go to the result", "Enter", "이동", "go"),
    bh(&[Search], &[ESC], Action::Close, "검색 닫기", "close search", "Esc", "닫기", "close"),
    bh(&[Search], &[DOWN, ctrl('n', "Ctrl-n")], Action::SelectNext, "다음 결과 (지난 검색어를 보는 중이면 더 최근 것)", "next result (while recalling: a newer query)", "↑↓", "선택", "select"),
    b(&[Search], &[UP, ctrl('p', "Ctrl-p")], Action::SelectPrevious, "이전 결과 (빈 검색 창에서는 지난 검색어)", "previous result (in an empty box: the last query)"),
    b(&[Search], &[PAGE_DOWN], Action::PageDown, "결과 한 화면 아래", "results page down"),
    b(&[Search], &[PAGE_UP], Action::PageUp, "결과 한 화면 위", "results page up"),
    b(&[Search], &[key(KeyCode::Backspace, "Backspace")], Action::SearchBackspace, "앞 글자 지우기", "delete before caret"),
    b(&[Search], &[key(KeyCode::Delete, "Del")], Action::SearchDelete, "뒤 글자 지우기", "delete after caret"),
    b(&[Search], &[key(KeyCode::Left, "←")], Action::SearchCaretLeft, "커서 왼쪽", "caret left"),
    b(&[Search], &[key(KeyCode::Right, "→")], Action::SearchCaretRight, "커서 오른쪽", "caret right"),
    b(&[Search], &[HOME, ctrl('a', "Ctrl-a")], Action::SearchCaretHome, "커서 맨 앞", "caret to start"),
    b(&[Search], &[END, ctrl('e', "Ctrl-e")], Action::SearchCaretEnd, "커서 맨 뒤", "caret to end"),
    b(&[Search], &[ctrl('u', "Ctrl-u")], Action::SearchClear, "입력 지우기", "clear input"),

    // The recent items (`r`) and the query history (Ctrl-r): small lists over the screen.
    bh(&[Recent], &[ENTER], Action::Open, "항목 열기", "open the item", "Enter", "열기", "open"),
    bh(&[Recent], &[DOWN, ch('j', "j")], Action::SelectNext, "다음 항목", "next item", "↑↓", "선택", "select"),
    b(&[Recent], &[UP, ch('k', "k")], Action::SelectPrevious, "이전 항목", "previous item"),
    bh(&[Recent], &[ESC, ch('q', "q"), ch('r', "r")], Action::Close, "닫기", "close", "Esc", "닫기", "close"),
    bh(&[History], &[ENTER], Action::Open, "이 검색어로 검색", "search this query", "Enter", "검색", "search"),
    bh(&[History], &[DOWN, ctrl('n', "Ctrl-n")], Action::SelectNext, "다음 (더 오래된) 검색어", "next (older) query", "↑↓", "선택", "select"),
    b(&[History], &[UP, ctrl('p', "Ctrl-p")], Action::SelectPrevious, "이전 (더 최근) 검색어", "previous (newer) query"),
    b(&[Recent, History], &[PAGE_DOWN], Action::PageDown, "한 화면 아래", "page down"),
    b(&[Recent, History], &[PAGE_UP], Action::PageUp, "한 화면 위", "page up"),
    b(&[History], &[key(KeyCode::Backspace, "Backspace")], Action::SearchBackspace, "앞 글자 지우기 (입력하면 좁혀짐)", "delete before caret (typing narrows the list)"),
    b(&[History], &[ctrl('u', "Ctrl-u")], Action::SearchClear, "입력 지우기", "clear input"),
    bh(&[History], &[ESC, ctrl('r', "Ctrl-r")], Action::Close, "닫기 (검색 창으로)", "close (back to the search box)", "Esc", "닫기", "close"),

    // Full-width views and overlays.
    bh(&[Compare, Help, Errors], &[DOWN, ch('j', "j")], Action::SelectNext, "한 줄 아래", "scroll down", "↑↓", "스크롤", "scroll"),
    b(SCROLLED, &[UP, ch('k', "k")], Action::SelectPrevious, "한 줄 위", "scroll up"),
    bh(&[Matrix], &[DOWN, ch('j', "j")], Action::SelectNext, "다음 사례", "next case", "↑↓", "사례", "case"),
    b(&[Matrix], &[UP, ch('k', "k")], Action::SelectPrevious, "이전 사례", "previous case"),
    bh(&[Matrix], &[key(KeyCode::Tab, "Tab"), key(KeyCode::Right, "→"), ch('l', "l")], Action::NextColumn, "다음 역할", "next role", "Tab", "역할", "role"),
    b(&[Matrix], &[key(KeyCode::BackTab, "Shift-Tab"), key(KeyCode::Left, "←"), ch('h', "h")], Action::PreviousColumn, "이전 역할", "previous role"),
    bh(&[Timeline], &[DOWN, ch('j', "j")], Action::SelectNext, "다음 항목", "next entry", "↑↓", "항목", "entry"),
    b(&[Timeline], &[UP, ch('k', "k")], Action::SelectPrevious, "이전 항목", "previous entry"),
    bh(&[Chart], &[DOWN, ch('j', "j")], Action::SelectNext, "한 줄 아래", "scroll down", "↑↓", "스크롤", "scroll"),
    b(&[Chart], &[UP, ch('k', "k")], Action::SelectPrevious, "한 줄 위", "scroll up"),
    b(&[Chart], &[PAGE_DOWN, ctrl('d', "Ctrl-d"), key(KeyCode::Char(' '), "Space")], Action::PageDown, "한 화면 아래", "page down"),
    bh(&[Chart], &[ESC, ch('q', "q"), ch('v', "v"), key(KeyCode::Backspace, "Backspace"), key(KeyCode::Left, "←"), ch('h', "h")], Action::Close, "닫기 (비교에서 열었으면 비교로)", "close (back to the comparison it came from)", "Esc", "닫기", "close"),
    bh(&[Presenter], &[DOWN, ch('j', "j")], Action::SelectNext, "다음 항목", "next item", "↑↓", "이전/다음", "previous/next"),
    b(&[Presenter], &[UP, ch('k', "k")], Action::SelectPrevious, "이전 항목", "previous item"),
    bh(&[Presenter], &[ch('/', "/")], Action::OpenSearch, "검색해서 다른 항목 발표 (Enter)", "search, and present the hit (Enter)", "/", "검색", "search"),
    b(&[Compare, Matrix, Timeline, Help, Errors], &[PAGE_DOWN, ctrl('d', "Ctrl-d"), key(KeyCode::Char(' '), "Space")], Action::PageDown, "한 화면 아래", "page down"),
    bh(&[Presenter], &[PAGE_DOWN, ctrl('d', "Ctrl-d"), key(KeyCode::Char(' '), "Space")], Action::PageDown, "한 화면 아래로 스크롤", "scroll a page down", "PgDn", "스크롤", "scroll"),
    b(ON_TOP, &[PAGE_UP, ctrl('u', "Ctrl-u")], Action::PageUp, "한 화면 위", "page up"),
    b(ON_TOP, &[ch('g', "g"), HOME], Action::SelectFirst, "맨 처음", "first"),
    b(ON_TOP, &[ch('G', "G"), END], Action::SelectLast, "맨 끝", "last"),
    bh(&[Matrix, Timeline], &[ENTER], Action::Open, "사례 열기", "open the case", "Enter", "열기", "open"),
    bh(VIEWS, &[ch('y', "y")], Action::Copy, "커서가 있는 행을 출처와 함께 복사", "copy the row under the cursor, with its sources", "y", "복사", "copy"),
    b(VIEWS, &[ch('Y', "Y")], Action::CopyAll, "전체를 마크다운으로 복사 (출처 목록 포함)", "copy it all as Markdown, with sources"),
    b(&[Compare, Matrix, Timeline, Chart, Presenter, Errors], &[ch('?', "?")], Action::ToggleHelp, "도움말", "help"),
    bh(&[Presenter], &[ESC, ch('q', "q"), ch('P', "P"), key(KeyCode::Backspace, "Backspace")], Action::Close, "발표 모드 끝내기", "leave presenter mode", "Esc", "나가기", "leave"),
    // In presenter mode the theme key is in the footer (last, where a narrow one drops it
    // first): the projector is where it is wanted.
    bh(&[Presenter], &[ctrl('t', "Ctrl-t")], Action::CycleTheme, "색 테마 바꾸기 (어두운 → 밝은 → 고대비)", "next colour theme (dark → light → high contrast)", "Ctrl-t", "테마", "theme"),
    bh(&[Compare, Timeline], &[ESC, ch('q', "q"), key(KeyCode::Backspace, "Backspace"), key(KeyCode::Left, "←"), ch('h', "h")], Action::Close, "닫기", "close", "Esc", "닫기", "close"),
    bh(&[Matrix], &[ESC, ch('q', "q"), key(KeyCode::Backspace, "Backspace")], Action::Close, "닫기", "close", "Esc", "닫기", "close"),
    bh(&[Help], &[ESC, ch('q', "q"), ch('?', "?")], Action::Close, "닫기", "close", "Esc", "닫기", "close"),
    bh(&[Errors], &[ESC, ch('q', "q"), ch('e', "e")], Action::Close, "닫기", "close", "Esc", "닫기", "close"),

    // A filter's picker: every other printable key is text that narrows the values.
    bh(&[Picker], &[DOWN, ctrl('n', "Ctrl-n")], Action::SelectNext, "다음 값", "next value", "↑↓", "이동", "move"),
    b(&[Picker], &[UP, ctrl('p', "Ctrl-p")], Action::SelectPrevious, "이전 값", "previous value"),
    b(&[Picker], &[PAGE_DOWN], Action::PageDown, "한 화면 아래", "page down"),
    b(&[Picker], &[PAGE_UP], Action::PageUp, "한 화면 위", "page up"),
    b(&[Picker], &[HOME], Action::SelectFirst, "맨 처음", "first"),
    b(&[Picker], &[END], Action::SelectLast, "맨 끝", "last"),
    bh(&[Picker], &[key(KeyCode::Char(' '), "Space"), key(KeyCode::Tab, "Tab")], Action::PickerToggle, "값 선택/해제 (여러 개 고르기)", "tick / untick a value (to pick several)", "Space", "여러 개", "several"),
    bh(&[Picker], &[ENTER], Action::Open, "적용: 선택한 값, 선택이 없으면 커서의 값", "apply: the ticked values, or else the one under the cursor", "Enter", "적용", "apply"),
    bh(&[Picker], &[key(KeyCode::Delete, "Del"), ctrl('x', "Ctrl-x")], Action::PickerClear, "이 필터 해제", "clear this filter", "Del", "해제", "clear"),
    b(&[Picker], &[key(KeyCode::Backspace, "Backspace")], Action::PickerBackspace, "입력한 글자 지우기", "delete the last typed character"),
    bh(&[Picker], &[ESC], Action::Close, "취소 (필터는 그대로)", "cancel (the filter stays as it was)", "Esc", "취소", "cancel"),

    // Everywhere, the search box included.
    b(EVERYWHERE, &[ctrl('c', "Ctrl-c")], Action::Interrupt, "바로 종료 (종료 상태 130)", "quit at once (exit status 130)"),
    b(&[List, Detail, Search, Compare, Matrix, Timeline, Chart, Help, Errors, Recent, History, Picker], &[ctrl('t', "Ctrl-t")], Action::CycleTheme, "색 테마 바꾸기 (어두운 → 밝은 → 고대비)", "next colour theme (dark → light → high contrast)"),
    b(EVERYWHERE, &[ctrl('z', "Ctrl-z")], Action::Suspend, "일시 중지 (셸에서 fg로 돌아옴)", "suspend (fg in the shell resumes)"),
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

/// The bindings of one context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.contexts.contains(&context))
}

/// The action for a key press in a context, if any.
pub fn action_for(event: &KeyEvent, context: Context) -> Option<Action> {
    if let Some(binding) = bindings(context).find(|b| b.keys.iter().any(|k| matches(k, event))) {
        return Some(binding.action.clone());
    }
    // With the Korean input method left on, the key for `j` arrives as ㅓ: where keys
    // are commands, a jamo means the Latin key in its place on a 두벌식 keyboard (Shift
    // where the terminal reports it: Shift+ㅅ is `T`, and ㅆ is `T` anyway).
    if !matches!(
        context,
        Context::Search | Context::History | Context::Picker
    ) {
        if let Some(latin) = latin_key_for(event) {
            return action_for(&latin, context);
        }
    }
    // Esc and a key at once arrive as Alt+key (tmux's escape-time, fast typing): close
    // what Esc closes, then the key.
    if let KeyCode::Char(_) = event.code {
        if event.modifiers.contains(KeyModifiers::ALT) {
            return Some(Action::EscapeThen(*event));
        }
    }
    // In the search box (and the history list's filter) every other printable
    // character is text.
    if matches!(context, Context::Search | Context::History) {
        if let KeyCode::Char(c) = event.code {
            let plain = (event.modifiers - KeyModifiers::SHIFT).is_empty();
            if plain && !c.is_control() {
                return Some(Action::SearchInsert(c));
            }
        }
    }
    // In a picker likewise: Hangul typed with the input method on is text there.
    if context == Context::Picker {
        if let KeyCode::Char(c) = event.code {
            let plain = (event.modifiers - KeyModifiers::SHIFT).is_empty();
            if plain && !c.is_control() {
                return Some(Action::PickerInsert(c));
            }
        }
    }
    None
}

/// The Latin key at the place of a jamo key press, if it is one.
fn latin_key_for(event: &KeyEvent) -> Option<KeyEvent> {
    let KeyCode::Char(jamo) = event.code else {
        return None;
    };
    let mut latin = crate::keyboard::latin_key(jamo)?;
    if event.modifiers.contains(KeyModifiers::SHIFT) {
        latin = latin.to_ascii_uppercase();
    }
    Some(KeyEvent::new(KeyCode::Char(latin), event.modifiers))
}

/// The hint line of a context: "/ 검색 · Enter 열기 · …", from the table.
pub fn hints(context: Context, lang: Lang) -> String {
    let parts: Vec<String> = bindings(context)
        .filter_map(|b| b.hint)
        .map(|h| format!("{} {}", h.keys, lang.pick(h.ko, h.en)))
        .collect();
    parts.join(" · ")
}

/// The hints of a context one by one ("/ 검색", "Enter 열기", …), for a line that keeps
/// only those that fit.
pub fn hint_parts(context: Context, lang: Lang) -> Vec<String> {
    bindings(context)
        .filter_map(|b| b.hint)
        .map(|h| format!("{} {}", h.keys, lang.pick(h.ko, h.en)))
        .collect()
}

/// A view's or overlay's title with its hints: "도움말 — ↑↓ 스크롤 · Esc 닫기".
pub fn title_with_hints(context: Context, lang: Lang) -> String {
    format!("{} — {}", context.title(lang), hints(context, lang))
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Binding { keys: String, help: &'static str },
    Note(&'static str),
    Blank,
}

/// The help's sections: the contexts listed together (the list and the detail share
/// nearly every key), and the context whose bindings stand for the section.
const HELP_SECTIONS: [(&[Context], Context); 12] = [
    (&[List, Detail], List),
    (&[Search], Search),
    (&[Compare], Compare),
    (&[Matrix], Matrix),
    (&[Timeline], Timeline),
    (&[Chart], Chart),
    (&[Presenter], Presenter),
    (&[Help], Help),
    (&[Errors], Errors),
    (&[Recent], Recent),
    (&[History], History),
    (&[Picker], Picker),
];

/// The help for `current`: its section's keys first, then every other section's, then
/// the mouse. The overlay scrolls through exactly these lines.
pub fn help_lines(current: Context, lang: Lang) -> Vec<HelpLine> {
    let mut order: Vec<_> = HELP_SECTIONS.iter().collect();
    order.sort_by_key(|(contexts, _)| !contexts.contains(&current));
    let mut lines = Vec::new();
    for (contexts, representative) in order {
        let title = match contexts {
            [_, _] => lang.pick("탐색 (목록·상세)", "Browsing (list and detail)"),
            _ => representative.title(lang),
        };
        lines.push(HelpLine::Heading(title));
        for binding in bindings(*representative) {
            lines.push(HelpLine::Binding {
                keys: binding.key_labels(),
                help: binding.help(lang),
            });
        }
        lines.push(HelpLine::Blank);
    }
    lines.push(HelpLine::Note(lang.pick(
        "한글 입력 상태에서도 명령 키는 같은 자리의 영문 키로 동작합니다: ㅓ=j ㅏ=k ㅂ=q ㅡ=m ㅛ=y …",
        "With the Korean input method on, command keys still work: ㅓ is j, ㅏ k, ㅂ q, ㅡ m, ㅛ y, …",
    )));
    lines.push(HelpLine::Note(lang.pick(
        "검색 창과 필터 고르기 창에서는 한글을 그대로 입력합니다: c(ㅊ), 한, Enter → 한국 사례만",
        "In the search box and a filter picker Hangul is text: c (ㅊ), then 한, Enter is Korean cases only",
    )));
    lines.push(HelpLine::Note(lang.pick(
        "마우스: 휠로 스크롤, 클릭으로 선택·링크 이동",
        "Mouse: wheel scrolls, click selects or follows a link",
    )));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for context in Context::ALL {
            let mut seen = Vec::new();
            for b in bindings(context) {
                for k in b.keys {
                    let id = (k.code, k.modifiers);
                    assert!(
                        !seen.contains(&id),
                        "key {} bound twice in {context:?}",
                        k.label
                    );
                    seen.push(id);
                }
            }
        }
    }

    #[test]
    fn letters_type_into_search_but_move_when_browsing() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(action_for(&j, List), Some(Action::SelectNext));
        assert_eq!(action_for(&j, Search), Some(Action::SearchInsert('j')));
        let hangul = press(KeyCode::Char('샌'), KeyModifiers::NONE);
        assert_eq!(
            action_for(&hangul, Search),
            Some(Action::SearchInsert('샌'))
        );
        let capital = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&capital, List), Some(Action::SelectLast));
    }

    #[test]
    fn ctrl_c_and_ctrl_z_work_everywhere() {
        let c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let z = press(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for context in Context::ALL {
            assert_eq!(
                action_for(&c, context),
                Some(Action::Interrupt),
                "{context:?}"
            );
            assert_eq!(
                action_for(&z, context),
                Some(Action::Suspend),
                "{context:?}"
            );
        }
    }

    #[test]
    fn q_quits_only_from_the_main_view_and_closes_everything_else() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        for context in Context::ALL {
            let expected = match context {
                List | Detail => Some(Action::Quit),
                Search | History => Some(Action::SearchInsert('q')),
                Picker => Some(Action::PickerInsert('q')),
                _ => Some(Action::Close),
            };
            assert_eq!(action_for(&q, context), expected, "q in {context:?}");
            assert_eq!(
                action_for(&esc, context),
                Some(Action::Close),
                "Esc in {context:?}"
            );
        }
    }

    #[test]
    fn jamo_keys_are_the_latin_keys_in_their_place_except_in_the_search_box() {
        let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(action_for(&key('ㅓ'), List), Some(Action::SelectNext));
        assert_eq!(action_for(&key('ㅏ'), Detail), Some(Action::SelectPrevious));
        assert_eq!(action_for(&key('ㅂ'), List), Some(Action::Quit));
        assert_eq!(action_for(&key('ㅂ'), Matrix), Some(Action::Close));
        assert_eq!(action_for(&key('ㅡ'), List), Some(Action::ToggleMark));
        assert_eq!(action_for(&key('ㅕ'), List), Some(Action::ClearMarks));
        assert_eq!(action_for(&key('ㅛ'), Compare), Some(Action::Copy));
        // Shift+ㅛ is `Y`, the whole copy, as the terminal reports Shift; ㅈ is `w`.
        let shift_y = press(KeyCode::Char('ㅛ'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&shift_y, Detail), Some(Action::CopyAll));
        assert_eq!(action_for(&shift_y, Matrix), Some(Action::CopyAll));
        assert_eq!(action_for(&key('ㅈ'), Detail), Some(Action::SaveCopy));
        assert_eq!(
            action_for(&key('ㅔ'), List),
            Some(Action::CompareCounterpart)
        );
        // Shifted: ㅆ is T (the timeline), and Shift+ㅡ as the terminal reports it is M.
        assert_eq!(action_for(&key('ㅆ'), List), Some(Action::ShowTimeline));
        let shift_m = press(KeyCode::Char('ㅡ'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&shift_m, List), Some(Action::ShowMatrix));
        assert_eq!(
            action_for(&key('ㅓ'), Search),
            Some(Action::SearchInsert('ㅓ'))
        );
    }

    #[test]
    fn a_jamo_opens_a_picker_from_the_list_and_is_text_inside_it() {
        let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            action_for(&key('ㅊ'), List),
            Some(Action::OpenPicker(Facet::Country))
        );
        assert_eq!(
            action_for(&key('ㅇ'), Detail),
            Some(Action::OpenPicker(Facet::Document))
        );
        assert_eq!(
            action_for(&key('한'), Picker),
            Some(Action::PickerInsert('한'))
        );
        assert_eq!(
            action_for(&key('ㅎ'), Picker),
            Some(Action::PickerInsert('ㅎ'))
        );
        assert_eq!(
            action_for(&key('j'), Picker),
            Some(Action::PickerInsert('j'))
        );
        assert_eq!(action_for(&key(' '), Picker), Some(Action::PickerToggle));
        let down = press(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(action_for(&down, Picker), Some(Action::SelectNext));
    }

    #[test]
    fn tab_moves_between_roles_in_the_matrix_and_between_panes_elsewhere() {
        let tab = press(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(action_for(&tab, Matrix), Some(Action::NextColumn));
        assert_eq!(action_for(&tab, List), Some(Action::NextPane));
    }

    #[test]
    fn every_context_has_a_way_out_and_a_hint_for_it() {
        for context in Context::ALL {
            let hints = hints(context, Lang::En);
            assert!(!hints.is_empty(), "{context:?} has no hints");
            let leaves =
                bindings(context).any(|b| matches!(b.action, Action::Close | Action::Quit));
            assert!(leaves, "{context:?} has no key that leaves it");
        }
    }

    #[test]
    fn the_help_lists_every_key_of_every_context() {
        let lines = help_lines(List, Lang::Ko);
        for context in Context::ALL {
            for binding in bindings(context) {
                let listed = HelpLine::Binding {
                    keys: binding.key_labels(),
                    help: binding.help(Lang::Ko),
                };
                assert!(
                    lines.contains(&listed),
                    "{context:?}: {} missing",
                    binding.help_en
                );
            }
        }
    }

    #[test]
    fn the_help_lists_the_current_context_first() {
        let lines = help_lines(Matrix, Lang::En);
        assert_eq!(lines[0], HelpLine::Heading("Role matrix"));
        assert!(lines.contains(&HelpLine::Binding {
            keys: "Tab → l".into(),
            help: "next role"
        }));
    }
}
