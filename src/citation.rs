//! Citations: a [`Source`] (document id, section id, page) as a reference a reader can
//! paste into minutes, in the interface language, and a document's full reference.
//!
//! ```text
//! 복득규 외(2002), 삼성경제연구소, Ⅱ-2 ①, 8쪽
//! Bok et al. (2002), SERI, §II-2 ①, p. 8
//! 「영월군 태양광 발전산업 클러스터 성공적 추진전략」(2007 이후), Ⅴ-1, 슬라이드 18
//! Yeongwol solar cluster strategy (2007 or later), §V-1, slide 18
//! ```
//!
//! Who: the authors (one, two, or the first "외" / "et al."), else the title (the short
//! one where the catalog gives it), else our name for the document. When: the year, or
//! "2007 이후" / "2007 or later" when only a lower bound is known. Where: the section's
//! printed numbering and the page (slide) — the one the citation names, else the pages
//! the section is printed on — with "(추정)" / "(counted)" when the numbers are our reading.
//! A file name is never part of a citation: it is provenance, kept in the catalog.
//!
//! Every front end and output format goes through here, so a source reads the same on
//! screen, in `show`, `compare`, copies and exports.
//!
//! Depends on `model` only.

use crate::model::{
    DateCertainty, DocumentKind, DocumentSection, Item, Lang, Source, SourceDocument,
};

/// `source` as a citation in `lang`. `document` is the catalog entry `source.doc` names,
/// with its name (our label for it); `None` when the collection has no such document, in
/// which case the ids stand in (the loader has reported the dangling link).
pub fn cite(document: Option<(&Item, &SourceDocument)>, source: &Source, lang: Lang) -> String {
    let section = document.and_then(|(_, doc)| doc.section(&source.section));
    cite_section(document, section, source, lang)
}

/// [`cite`] with the section `source.section` names already looked up (`None` when the
/// document has no such section).
pub fn cite_section(
    document: Option<(&Item, &SourceDocument)>,
    section: Option<&DocumentSection>,
    source: &Source,
    lang: Lang,
) -> String {
    let Some((item, doc)) = document else {
        return format!("{}, §{}", source.doc, source.section);
    };
    let mut parts = vec![short_reference(item, doc, lang)];
    match section {
        Some(section) => {
            parts.push(match lang {
                Lang::Ko => section.label.ko.clone(),
                Lang::En => format!("§{}", section.label.en),
            });
            if let Some(place) = locator(doc.document, section, source.page, lang) {
                parts.push(place);
            }
        }
        None => parts.push(format!("§{}", source.section)),
    }
    parts.join(", ")
}

/// Who, when and (for a document with authors) the publisher: the part of a citation
/// that names the document: "복득규 외(2002), 삼성경제연구소", "Bok et al. (2002), SERI".
pub fn short_reference(item: &Item, doc: &SourceDocument, lang: Lang) -> String {
    let mut out = who_and_when(item, doc, lang);
    if let Some(publisher) = doc.authors.first().and(doc.publisher.as_ref()) {
        out.push_str(", ");
        out.push_str(publisher.short(lang));
    }
    out
}

/// "복득규 외(2002)", "Bok et al. (2002)", "「…」(2007 이후)", "Yeongwol … (2007 or later)".
pub fn who_and_when(item: &Item, doc: &SourceDocument, lang: Lang) -> String {
    let when = year(doc, lang);
    let who = authors_short(doc, lang).unwrap_or_else(|| title_short(item, doc, lang));
    match lang {
        Lang::Ko => format!("{who}({when})"),
        Lang::En => format!("{who} ({when})"),
    }
}

/// The authors as a citation names them: 복득규 / 복득규·박용규 / 복득규 외, Bok / Bok and
/// Park / Bok et al. `None` when the document names no author.
pub fn authors_short(doc: &SourceDocument, lang: Lang) -> Option<String> {
    let name = |i: usize| -> Option<String> {
        let person = doc.authors.get(i)?;
        Some(match lang {
            Lang::Ko => person.full(Lang::Ko),
            Lang::En => person.family.en.clone(),
        })
    };
    let first = name(0)?;
    Some(match (doc.authors.len(), lang) {
        (1, _) => first,
        (2, Lang::Ko) => format!("{first}·{}", name(1)?),
        (2, Lang::En) => format!("{first} and {}", name(1)?),
        (_, Lang::Ko) => format!("{first} 외"),
        (_, Lang::En) => format!("{first} et al."),
    })
}

/// The title a citation shows for a document without authors: the short title, else the
/// title, else our name for it. Korean titles take 「」 as Korean references print them.
fn title_short(item: &Item, doc: &SourceDocument, lang: Lang) -> String {
    match doc.short_title.as_ref().or(doc.title.as_ref()) {
        Some(title) => match lang {
            Lang::Ko => format!("「{}」", title.ko),
            Lang::En => title.en.clone(),
        },
        None => item.name.get(lang).to_string(),
    }
}

/// The year as a citation gives it: "2002", or "2007 이후" / "2007 or later".
pub fn year(doc: &SourceDocument, lang: Lang) -> String {
    match doc.date.certainty {
        DateCertainty::Inferred => doc.date.year.to_string(),
        DateCertainty::NotBefore => match lang {
            Lang::Ko => format!("{} 이후", doc.date.year),
            Lang::En => format!("{} or later", doc.date.year),
        },
    }
}

/// A section's heading as printed (`ko`), or in English our translation where the
/// catalog gives one, else the printed heading.
pub fn heading(section: &DocumentSection, lang: Lang) -> &str {
    match section.heading.get(lang) {
        h if h.trim().is_empty() => &section.heading.ko,
        h => h,
    }
}

/// "8쪽", "8~9쪽", "p. 8", "pp. 8–9", "슬라이드 19(추정)", "slide 19 (counted)": the page
/// `page` names if the section is printed on it, else the section's pages; `None` when
/// they are not known.
pub fn locator(
    kind: DocumentKind,
    section: &DocumentSection,
    page: Option<u32>,
    lang: Lang,
) -> Option<String> {
    let (first, last) = match page.filter(|p| section.pages.contains(p)) {
        Some(p) => (p, p),
        None => (*section.pages.first()?, *section.pages.last()?),
    };
    let range = |sep: &str| {
        if first == last {
            first.to_string()
        } else {
            format!("{first}{sep}{last}")
        }
    };
    let mut out = match (kind, lang) {
        (DocumentKind::Report, Lang::Ko) => format!("{}쪽", range("~")),
        (DocumentKind::Report, Lang::En) if first == last => format!("p. {first}"),
        (DocumentKind::Report, Lang::En) => format!("pp. {}", range("–")),
        (DocumentKind::Presentation, Lang::Ko) => format!("슬라이드 {}", range("~")),
        (DocumentKind::Presentation, Lang::En) if first == last => format!("slide {first}"),
        (DocumentKind::Presentation, Lang::En) => format!("slides {}", range("–")),
    };
    if section.pages_reading {
        out.push_str(lang.pick("(추정)", " (counted)"));
    }
    Some(out)
}

/// The document's full reference, for reference lists:
/// `복득규·박용규·고유상(2002년 11월 초). [제목 없음]. 삼성경제연구소. 보고서.`
pub fn reference(doc: &SourceDocument, lang: Lang) -> String {
    let authors: Vec<String> = doc
        .authors
        .iter()
        .map(|p| match lang {
            Lang::Ko => p.full(Lang::Ko),
            Lang::En => format!("{}, {}", p.family.en, p.given.en),
        })
        .collect();
    let title = match (&doc.title, lang) {
        (Some(t), Lang::Ko) => format!("「{}」", t.ko),
        (Some(t), Lang::En) if t.en != t.ko => format!("{} [{}]", t.en, t.ko),
        (Some(t), Lang::En) => t.en.clone(),
        (None, _) => lang.pick("[제목 없음]", "[Untitled]").to_string(),
    };
    let when = doc.date.label.get(lang);
    let mut out = if authors.is_empty() {
        match lang {
            Lang::Ko => format!("{title}({when})."),
            Lang::En => format!("{title} ({when})."),
        }
    } else {
        let names = match lang {
            Lang::Ko => authors.join("·"),
            Lang::En => join_english(&authors),
        };
        match lang {
            Lang::Ko => format!("{names}({when}). {title}."),
            Lang::En => format!("{names} ({when}). {title}."),
        }
    };
    match &doc.publisher {
        Some(p) => out.push_str(&format!(" {}.", p.name.get(lang))),
        None if doc.authors.is_empty() => {
            out.push_str(lang.pick(" 저자·발행처 미상.", " No author or publisher given."))
        }
        None => {}
    }
    let kind = doc.document.label(lang);
    out.push_str(&match lang {
        Lang::Ko => format!(" {kind}."),
        Lang::En => {
            let mut k = kind.to_string();
            if let Some(c) = k.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            format!(" {k}.")
        }
    });
    out
}

/// "A", "A and B", "A, B and C".
fn join_english(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Details, DocumentDate, DocumentSection, Kind, Person, Point, Publisher, Text,
    };

    fn text(ko: &str, en: &str) -> Text {
        Text {
            ko: ko.into(),
            en: en.into(),
        }
    }

    fn section(id: &str, ko: &str, en: &str, pages: &[u32], reading: bool) -> DocumentSection {
        DocumentSection {
            id: id.into(),
            label: text(ko, en),
            heading: text("제목", "heading"),
            pages: pages.to_vec(),
            pages_reading: reading,
        }
    }

    fn item(id: &str, doc: SourceDocument) -> Item {
        Item {
            kind: Kind::Source,
            id: id.into(),
            name: text("우리 이름", "our name"),
            aliases: vec![],
            summary: text("요약", "summary"),
            points: vec![],
            sources: vec![],
            details: Details::Source(Box::new(doc)),
            file: String::new(),
        }
    }

    fn date(year: i32, certainty: DateCertainty, ko: &str, en: &str) -> DocumentDate {
        DocumentDate {
            year,
            month: None,
            certainty,
            label: text(ko, en),
            evidence: Point {
                ko: "근거".into(),
                en: "evidence".into(),
                source: source("x", "y", None),
            },
        }
    }

    fn person(family: (&str, &str), given: (&str, &str)) -> Person {
        Person {
            family: text(family.0, family.1),
            given: text(given.0, given.1),
        }
    }

    fn report() -> Item {
        item(
            "seri-2002",
            SourceDocument {
                document: DocumentKind::Report,
                title: None,
                short_title: None,
                title_note: text("제목 없음", "untitled"),
                authors: vec![
                    person(("복", "Bok"), ("득규", "Deuk-gyu")),
                    person(("박", "Park"), ("용규", "Yong-gyu")),
                    person(("고", "Ko"), ("유상", "Yu-sang")),
                ],
                authors_note: None,
                publisher: Some(Publisher {
                    name: text("삼성경제연구소", "Samsung Economic Research Institute"),
                    short: Some(text("삼성경제연구소", "SERI")),
                }),
                date: date(
                    2002,
                    DateCertainty::Inferred,
                    "2002년 11월 초",
                    "early November 2002",
                ),
                file: "000.txt".into(),
                page_count: Some(22),
                pages_note: None,
                sections: vec![
                    section("ii-2-1-daedeok", "Ⅱ-2 ①", "II-2 ①", &[8], false),
                    section("ii-2-1-evaluation", "Ⅱ-2 ①", "II-2 ①", &[8, 9], false),
                ],
            },
        )
    }

    fn presentation() -> Item {
        item(
            "yeongwol-solar-plan",
            SourceDocument {
                document: DocumentKind::Presentation,
                title: Some(text(
                    "영월군 태양광 발전산업 클러스터 성공적 추진전략",
                    "Strategy for a successful Yeongwol solar power industry cluster",
                )),
                short_title: Some(text(
                    "영월군 태양광 발전산업 클러스터 성공적 추진전략",
                    "Yeongwol solar cluster strategy",
                )),
                title_note: text("꼬리말", "footers"),
                authors: vec![],
                authors_note: None,
                publisher: None,
                date: date(
                    2007,
                    DateCertainty::NotBefore,
                    "2007년 이후",
                    "2007 or later",
                ),
                file: "002.txt".into(),
                page_count: None,
                pages_note: None,
                sections: vec![
                    section("v-1-direction", "Ⅴ-1", "V-1", &[18], false),
                    section("v-1-units", "Ⅴ-1", "V-1", &[20], true),
                    section("iii-1-kista", "Ⅲ-1", "III-1", &[], false),
                ],
            },
        )
    }

    fn source(doc: &str, section: &str, page: Option<u32>) -> Source {
        Source {
            doc: doc.into(),
            section: section.into(),
            page,
        }
    }

    fn cite_in(item: &Item, s: &Source, lang: Lang) -> String {
        cite(item.source_document().map(|d| (item, d)), s, lang)
    }

    #[test]
    fn a_report_section_on_one_page_cites_authors_year_publisher_section_and_page() {
        let r = report();
        let s = source("seri-2002", "ii-2-1-daedeok", None);
        assert_eq!(
            cite_in(&r, &s, Lang::Ko),
            "복득규 외(2002), 삼성경제연구소, Ⅱ-2 ①, 8쪽"
        );
        assert_eq!(
            cite_in(&r, &s, Lang::En),
            "Bok et al. (2002), SERI, §II-2 ①, p. 8"
        );
    }

    #[test]
    fn a_section_over_two_pages_cites_the_range_unless_the_page_is_given() {
        let r = report();
        let s = source("seri-2002", "ii-2-1-evaluation", None);
        assert_eq!(
            cite_in(&r, &s, Lang::Ko),
            "복득규 외(2002), 삼성경제연구소, Ⅱ-2 ①, 8~9쪽"
        );
        assert_eq!(
            cite_in(&r, &s, Lang::En),
            "Bok et al. (2002), SERI, §II-2 ①, pp. 8–9"
        );
        let s = source("seri-2002", "ii-2-1-evaluation", Some(9));
        assert_eq!(
            cite_in(&r, &s, Lang::Ko),
            "복득규 외(2002), 삼성경제연구소, Ⅱ-2 ①, 9쪽"
        );
        assert_eq!(
            cite_in(&r, &s, Lang::En),
            "Bok et al. (2002), SERI, §II-2 ①, p. 9"
        );
    }

    #[test]
    fn the_presentation_cites_its_title_a_lower_bound_year_and_slides() {
        let p = presentation();
        let s = source("yeongwol-solar-plan", "v-1-direction", None);
        assert_eq!(
            cite_in(&p, &s, Lang::Ko),
            "「영월군 태양광 발전산업 클러스터 성공적 추진전략」(2007 이후), Ⅴ-1, 슬라이드 18"
        );
        assert_eq!(
            cite_in(&p, &s, Lang::En),
            "Yeongwol solar cluster strategy (2007 or later), §V-1, slide 18"
        );
    }

    #[test]
    fn a_counted_slide_is_marked_as_a_reading_and_an_unknown_one_is_left_out() {
        let p = presentation();
        let s = source("yeongwol-solar-plan", "v-1-units", None);
        assert!(cite_in(&p, &s, Lang::Ko).ends_with("Ⅴ-1, 슬라이드 20(추정)"));
        assert!(cite_in(&p, &s, Lang::En).ends_with("§V-1, slide 20 (counted)"));
        let s = source("yeongwol-solar-plan", "iii-1-kista", None);
        assert_eq!(
            cite_in(&p, &s, Lang::En),
            "Yeongwol solar cluster strategy (2007 or later), §III-1"
        );
    }

    #[test]
    fn one_and_two_authors_are_named_in_full() {
        let mut r = report();
        if let Details::Source(doc) = &mut r.details {
            doc.authors.truncate(2);
        }
        let s = source("seri-2002", "ii-2-1-daedeok", None);
        assert!(cite_in(&r, &s, Lang::Ko).starts_with("복득규·박용규(2002), "));
        assert!(cite_in(&r, &s, Lang::En).starts_with("Bok and Park (2002), "));
        if let Details::Source(doc) = &mut r.details {
            doc.authors.truncate(1);
        }
        assert!(cite_in(&r, &s, Lang::Ko).starts_with("복득규(2002), "));
        assert!(cite_in(&r, &s, Lang::En).starts_with("Bok (2002), "));
    }

    #[test]
    fn a_dangling_citation_shows_ids_never_a_file_name() {
        let s = source("no-such-doc", "x", None);
        assert_eq!(cite(None, &s, Lang::Ko), "no-such-doc, §x");
        let r = report();
        let s = source("seri-2002", "no-such-section", Some(3));
        assert_eq!(
            cite_in(&r, &s, Lang::En),
            "Bok et al. (2002), SERI, §no-such-section"
        );
    }

    #[test]
    fn full_references_name_authors_date_title_publisher_and_kind() {
        let r = report();
        let doc = r.source_document().unwrap();
        assert_eq!(
            reference(doc, Lang::Ko),
            "복득규·박용규·고유상(2002년 11월 초). [제목 없음]. 삼성경제연구소. 보고서."
        );
        assert_eq!(
            reference(doc, Lang::En),
            "Bok, Deuk-gyu; Park, Yong-gyu and Ko, Yu-sang (early November 2002). [Untitled]. \
             Samsung Economic Research Institute. Report."
        );
        let p = presentation();
        let doc = p.source_document().unwrap();
        assert_eq!(
            reference(doc, Lang::Ko),
            "「영월군 태양광 발전산업 클러스터 성공적 추진전략」(2007년 이후). 저자·발행처 미상. 발표자료."
        );
        assert_eq!(
            reference(doc, Lang::En),
            "Strategy for a successful Yeongwol solar power industry cluster [영월군 태양광 발전산업 \
             클러스터 성공적 추진전략] (2007 or later). No author or publisher given. Presentation."
        );
    }
}
