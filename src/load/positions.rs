//! [`Positions`]: the line and column of every field of a file, by field path
//! (`figures.2.label.ko`), from one pass over the YAML events. Our own checks and the
//! link checks report at a field path; this turns it into `line:col`. It runs only
//! for files that have something to report.
//!
//! Depends on yaml-rust2 only; nothing else of `load` or the crate.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};

/// Line and column of every field in a file, by path: `figures.2.label.ko`. Keys are
/// stored under `path@key` so a message about a key can point at the key itself.
pub(super) struct Positions {
    at: HashMap<String, (usize, usize)>,
}

impl Positions {
    pub(super) fn scan(source: &str) -> Positions {
        enum Frame {
            Map { key: Option<String> },
            Seq { index: usize },
        }
        fn child_path(stack: &[(Frame, String)]) -> Option<String> {
            let (frame, path) = stack.last()?;
            let segment = match frame {
                Frame::Map { key } => key.clone()?,
                Frame::Seq { index } => index.to_string(),
            };
            Some(if path.is_empty() {
                segment
            } else {
                format!("{path}.{segment}")
            })
        }
        fn advance(stack: &mut [(Frame, String)]) {
            if let Some((frame, _)) = stack.last_mut() {
                match frame {
                    Frame::Map { key } => *key = None,
                    Frame::Seq { index } => *index += 1,
                }
            }
        }
        let mut at = HashMap::new();
        let mut stack: Vec<(Frame, String)> = Vec::new();
        let mut parser = Parser::new_from_str(source);
        while let Ok((event, mark)) = parser.next_token() {
            let pos = (mark.line(), mark.col() + 1);
            match event {
                Event::StreamEnd => break,
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = child_path(&stack).unwrap_or_default();
                    at.entry(path.clone()).or_insert(pos);
                    let frame = if matches!(event, Event::MappingStart(..)) {
                        Frame::Map { key: None }
                    } else {
                        Frame::Seq { index: 0 }
                    };
                    stack.push((frame, path));
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    advance(&mut stack);
                }
                Event::Scalar(value, ..) => {
                    let expecting_key = matches!(stack.last(), Some((Frame::Map { key: None }, _)));
                    if expecting_key {
                        if let Some((Frame::Map { key }, path)) = stack.last_mut() {
                            let key_path = if path.is_empty() {
                                value.clone()
                            } else {
                                format!("{path}.{value}")
                            };
                            at.insert(format!("{key_path}@key"), pos);
                            *key = Some(value);
                        }
                    } else {
                        if let Some(path) = child_path(&stack) {
                            at.insert(path, pos);
                        }
                        advance(&mut stack);
                    }
                }
                _ => {}
            }
        }
        Positions { at }
    }

    /// The position of `path`, or of its nearest ancestor that has one.
    pub(super) fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(pos) = self.at.get(path) {
                return Some(*pos);
            }
            match path.rfind(['.', '@']) {
                Some(cut) => path = &path[..cut],
                None => return self.at.get("").copied(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_point_at_nested_fields() {
        let yaml = "id: x\nfigures:\n  - label: {ko: a, en: b}\n    value: \"1\"\n";
        let p = Positions::scan(yaml);
        assert_eq!(p.find("figures.0.value"), Some((4, 12)));
        assert_eq!(p.find("figures.0.label.en"), Some((3, 24)));
        assert_eq!(p.find("id@key"), Some((1, 1)));
        assert_eq!(p.find("figures.0.nothing"), p.find("figures.0"));
    }
}
