//! Deterministic synthetic case documents (mixed Korean and English, about
//! 60 fields and 1.5 KB of text each) for performance checks and tests.
//!
//! Depends on `crate::model::Kind` and the parent module's document types.

use crate::model::Kind;

use super::{DocField, Document, Field};

const CLUSTERS: [(&str, &str); 16] = [
    ("샌디에고 바이오 클러스터", "San Diego Biotech Cluster"),
    ("대덕연구개발특구", "Daedeok Innopolis"),
    ("도요타시 자동차 클러스터", "Toyota City Automotive Cluster"),
    ("실리콘밸리", "Silicon Valley"),
    ("판교 테크노밸리", "Pangyo Techno Valley"),
    ("구미 전자 산업단지", "Gumi Electronics Complex"),
    ("울산 조선 클러스터", "Ulsan Shipbuilding Cluster"),
    ("케임브리지 과학단지", "Cambridge Science Park"),
    ("오송 생명과학단지", "Osong Bio Valley"),
    ("소피아 앙티폴리스", "Sophia Antipolis"),
    ("창원 기계 산업단지", "Changwon Machinery Cluster"),
    ("에인트호번 브레인포트", "Eindhoven Brainport"),
    ("신주 과학공업원구", "Hsinchu Science Park"),
    ("광주 광산업 클러스터", "Gwangju Photonics Cluster"),
    ("바덴뷔르템베르크 자동차", "Baden-Württemberg Automotive"),
    ("오울루 ICT 클러스터", "Oulu ICT Cluster"),
];

const KOREAN_WORDS: [&str; 48] = [
    "연구",
    "개발",
    "대학",
    "기업",
    "정부",
    "지역",
    "혁신",
    "산업",
    "협력",
    "네트워크",
    "기술이전",
    "창업",
    "벤처캐피털",
    "투자",
    "인력양성",
    "생태계",
    "정책",
    "지원",
    "자동차",
    "부품",
    "반도체",
    "바이오",
    "제약",
    "의료기기",
    "조선",
    "중소기업",
    "대기업",
    "연구소",
    "산학협력",
    "지방정부",
    "중앙정부",
    "거버넌스",
    "정기",
    "회의",
    "의견",
    "회사",
    "성과",
    "평가",
    "공급망",
    "수출",
    "고용",
    "일자리",
    "인프라",
    "입지",
    "집적",
    "경쟁력",
    "지식",
    "확산",
];

const ENGLISH_WORDS: [&str; 48] = [
    "cluster",
    "research",
    "university",
    "innovation",
    "industry",
    "network",
    "firm",
    "supplier",
    "automotive",
    "biotech",
    "semiconductor",
    "venture",
    "capital",
    "government",
    "policy",
    "regional",
    "development",
    "spillover",
    "knowledge",
    "talent",
    "labour",
    "market",
    "infrastructure",
    "export",
    "competitiveness",
    "anchor",
    "institution",
    "incubator",
    "collaboration",
    "startup",
    "funding",
    "program",
    "local",
    "national",
    "agency",
    "strategy",
    "growth",
    "employment",
    "productivity",
    "toyota",
    "keiretsu",
    "lean",
    "production",
    "science",
    "park",
    "technology",
    "transfer",
    "partnership",
];

const TYPES: [&str; 5] = [
    "type-research-driven",
    "type-anchor-firm",
    "type-state-led",
    "type-network",
    "type-hub-and-spoke",
];

/// Tiny deterministic generator (xorshift64*), so the data never varies.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn phrase(&mut self, korean: usize, english: usize) -> String {
        let mut words = Vec::with_capacity(korean + english);
        for _ in 0..korean {
            words.push(self.pick(&KOREAN_WORDS));
        }
        for _ in 0..english {
            words.push(self.pick(&ENGLISH_WORDS));
        }
        words.join(" ")
    }
}

/// `n` synthetic case documents with ids `case-00000`, `case-00001`, ...
#[doc(hidden)]
pub fn synthetic_documents(n: usize) -> Vec<Document> {
    (0..n)
        .map(|i| {
            let mut random =
                Random(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1).wrapping_mul(0x1000_0000_01B3));
            let (korean, english) = CLUSTERS[random.below(CLUSTERS.len())];
            let title = format!("{korean} {}", i % 97);
            let mut fields = vec![
                DocField {
                    field: Field::Name,
                    text: title.clone(),
                },
                DocField {
                    field: Field::Alias,
                    text: format!("{english} {}", i % 97),
                },
                DocField {
                    field: Field::Summary,
                    text: format!("{}. {}.", random.phrase(8, 0), random.phrase(0, 10)),
                },
                DocField {
                    field: Field::Place,
                    text: format!("{korean}, {english}"),
                },
                DocField {
                    field: Field::Region,
                    text: random.phrase(1, 1),
                },
            ];
            let bodies = [
                (Field::Actor, 8),
                (Field::Figure, 5),
                (Field::Strength, 8),
                (Field::Weakness, 8),
                (Field::Evaluation, 7),
                (Field::Point, 10),
                (Field::Source, 7),
            ];
            for (field, count) in bodies {
                for _ in 0..count {
                    let text = match random.below(3) {
                        0 => random.phrase(3, 0),
                        1 => random.phrase(0, 3),
                        _ => random.phrase(2, 1),
                    };
                    fields.push(DocField { field, text });
                }
            }
            Document {
                kind: Kind::Case,
                id: format!("case-{i:05}"),
                title,
                type_id: Some(TYPES[i % TYPES.len()].to_string()),
                fields,
            }
        })
        .collect()
}
