//! Moodle's GIFT format: `::title::` stems with an answer block in braces — `{T}`/`{F}`,
//! `=right ~wrong` choices with `%weights%` and `#feedback`, `{=a =b}` short answers, `{}`
//! essays, `####` general feedback, `$CATEGORY:` lines, `//` comments and `\` escapes.

use crate::order::Collect;
use crate::quiz::model::{Answer, Difficulty, QuestionDraft, QuestionKind};

use super::{ImportProblem, QuestionImport};
use crate::sorted::SortedSet;

/// A text with `{...}` after a question-like line, or a `::title::`, reads as GIFT.
pub fn looks_like_gift(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with("::")
        || t.contains("$CATEGORY:")
        || (t.contains('{')
            && t.contains('}')
            && (t.contains('=')
                || t.contains("{T}")
                || t.contains("{F}")
                || t.contains("{TRUE}")
                || t.contains("{FALSE}")))
}

/// Characters after a backslash are literal; they are kept in place marked as escaped.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Ch {
    c: char,
    escaped: bool,
}

fn chars(s: &str) -> Vec<Ch> {
    let mut out = Vec::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push(Ch {
                    c: '\n',
                    escaped: true,
                }),
                Some(n) => out.push(Ch {
                    c: n,
                    escaped: true,
                }),
                None => out.push(Ch { c, escaped: false }),
            }
        } else {
            out.push(Ch { c, escaped: false });
        }
    }
    out
}

fn text(cs: &[Ch]) -> String {
    cs.iter()
        .map(|c| c.c)
        .collect::<String>()
        .trim()
        .to_string()
}

fn find(cs: &[Ch], from: usize, c: char) -> Option<usize> {
    cs.iter()
        .skip(from)
        .position(|x| x.c == c && !x.escaped)
        .map(|i| i + from)
}

/// Strips a `[html]`/`[moodle]`/`[markdown]`/`[plain]` marker: the text stays text.
fn strip_format(s: String) -> String {
    let trimmed = s.trim();
    for marker in ["[html]", "[moodle]", "[markdown]", "[plain]"] {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            return rest.trim().to_string();
        }
    }
    trimmed.to_string()
}

pub fn parse(input: &str) -> QuestionImport {
    let mut out = QuestionImport::default();
    let mut category = String::new();
    let mut block: Vec<(usize, &str)> = Vec::new();
    let mut depth = 0i32;
    let lines: Vec<&str> = input.lines().collect();
    let flush = |block: &mut Vec<(usize, &str)>, out: &mut QuestionImport, category: &str| {
        if block.is_empty() {
            return;
        }
        let line = block[0].0;
        let joined = block.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n");
        block.clear();
        match question(&joined, category) {
            Ok((draft, note)) => {
                if let Some(note) = note {
                    out.notes.push(ImportProblem::new(line, note));
                }
                out.push(line, draft);
            }
            Err(reason) => out.problems.push(ImportProblem::new(line, reason)),
        }
    };
    for (i, raw) in lines.iter().enumerate() {
        let line_no = i + 1;
        let trimmed = raw.trim();
        if depth == 0 && trimmed.starts_with("//") {
            continue;
        }
        if depth == 0 {
            if let Some(rest) = trimmed.strip_prefix("$CATEGORY:") {
                flush(&mut block, &mut out, &category);
                let path = rest
                    .trim()
                    .trim_start_matches("$course$/")
                    .trim_start_matches("$system$/");
                category = path.rsplit('/').next().unwrap_or(path).trim().to_string();
                continue;
            }
            if trimmed.is_empty() {
                flush(&mut block, &mut out, &category);
                continue;
            }
        }
        for c in chars(raw) {
            if !c.escaped {
                match c.c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
            }
        }
        block.push((line_no, raw));
    }
    flush(&mut block, &mut out, &category);
    out
}

struct Token {
    right: bool,
    weight: Option<f64>,
    text: String,
    /// The answer's own `#feedback`, kept for 解析.
    feedback: String,
}

impl Token {
    /// Full credit: "=answer" (or "=%100%answer"), or "~%100%answer".
    fn full(&self) -> bool {
        match self.weight {
            Some(w) => w >= 100.0,
            None => self.right,
        }
    }

    /// Some credit but not all: GIFT's partial credit, which this app does not score.
    fn partial(&self) -> bool {
        self.weight.is_some_and(|w| w > 0.0 && w < 100.0)
    }
}

/// What the import says about a question it took in with something left out.
fn partial_note(tokens: &[Token]) -> Option<String> {
    let partial: Vec<String> = tokens
        .iter()
        .filter(|t| t.partial())
        .map(|t| format!("“{}”（{}%）", t.text, t.weight.unwrap_or(0.0)))
        .collect();
    (!partial.is_empty()).then(|| {
        format!(
            "部分得分不支持：{} 按不得分处理，只有满分的答案算对。",
            partial.join("、")
        )
    })
}

/// Each answer's own feedback, as lines of 解析: "A. 测验考试：对".
fn feedback_lines(tokens: &[Token], lettered: bool) -> Vec<String> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.feedback.is_empty())
        .map(|(i, t)| {
            if lettered {
                let letter = char::from(b'A' + (i as u8).min(25));
                format!("{letter}. {}：{}", t.text, t.feedback)
            } else {
                format!("{}：{}", t.text, t.feedback)
            }
        })
        .collect()
}

/// A question and what the import has to say about it (e.g. partial credit it left out).
fn question(raw: &str, category: &str) -> Result<(QuestionDraft, Option<String>), String> {
    let cs = chars(raw);
    let mut start = 0;
    // ::title:: is only a name; the stem follows it.
    if cs.len() >= 2 && cs[0].c == ':' && cs[1].c == ':' && !cs[0].escaped {
        let end = (2..cs.len().saturating_sub(1))
            .find(|&i| cs[i].c == ':' && cs[i + 1].c == ':' && !cs[i].escaped)
            .ok_or("题目名称的“::”没有配对")?;
        start = end + 2;
    }
    let open = find(&cs, start, '{').ok_or("找不到答案部分（应在花括号 { } 中）")?;
    let close = find(&cs, open + 1, '}').ok_or("答案部分的花括号没有配对")?;
    let before = strip_format(text(&cs[start..open]));
    let after = text(&cs[close + 1..]);
    let stem = if after.is_empty() {
        before
    } else {
        format!("{before}____{after}")
    };
    let mut body = &cs[open + 1..close];

    // #### general feedback becomes the explanation.
    let mut explanation = String::new();
    if let Some(pos) = (0..body.len().saturating_sub(3))
        .find(|&i| body[i..i + 4].iter().all(|c| c.c == '#' && !c.escaped))
    {
        explanation = strip_format(text(&body[pos + 4..]));
        body = &body[..pos];
    }
    let body_text = text(body);
    let with_feedback = |lines: Vec<String>| {
        std::iter::once(explanation.clone())
            .chain(lines)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let draft = |kind, options, answer, explanation: String| QuestionDraft {
        kind,
        stem: stem.clone(),
        options,
        answer,
        explanation,
        category: category.to_string(),
        difficulty: Difficulty::Medium,
        tags: Vec::new(),
        source: "GIFT".into(),
    };
    if body_text.is_empty() {
        return Ok((
            draft(
                QuestionKind::ShortAnswer,
                vec![],
                Answer::Reference(String::new()),
                explanation.clone(),
            ),
            None,
        ));
    }
    if body_text.starts_with('#') {
        return Err("不支持数值题（{#…}），请改为填空题".into());
    }
    let first_word: String = body_text
        .split('#')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase();
    let true_false = match first_word.as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    };
    if let Some(answer) = true_false {
        // "{T#wrong-answer feedback#right-answer feedback}": both kept for 解析.
        let feedback: Vec<String> = body_text
            .split('#')
            .skip(1)
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        return Ok((
            draft(
                QuestionKind::TrueFalse,
                vec![],
                Answer::TrueFalse(answer),
                with_feedback(feedback),
            ),
            None,
        ));
    }
    let tokens = tokens(body)?;
    if tokens.iter().any(|t| t.text.contains("->")) {
        return Err("不支持配对题（=… -> …）".into());
    }
    let note = partial_note(&tokens);
    // Only "=" answers and no "~": a short answer with its accepted forms (full credit only).
    if tokens.iter().all(|t| t.right) {
        let accepted: Vec<String> = tokens
            .iter()
            .filter(|t| t.full())
            .map(|t| t.text.clone())
            .collect();
        if accepted.is_empty() {
            return Err("填空题没有满分的答案（每个“=”答案都带了部分得分）".into());
        }
        let explanation = with_feedback(feedback_lines(&tokens, false));
        return Ok((
            draft(
                QuestionKind::FillBlank,
                vec![],
                Answer::Blanks(vec![accepted]),
                explanation,
            ),
            note,
        ));
    }
    // One "=" answer among "~" ones: a single choice, whatever partial credit the others carry.
    // With no "=", the positive "~%n%" answers together make a multiple choice (Moodle's
    // "multiple right answers").
    let right: SortedSet<usize> = if tokens.iter().any(|t| t.right) {
        tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.full())
            .map(|(i, _)| i)
            .to_set()
    } else {
        tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.weight.is_some_and(|w| w > 0.0))
            .map(|(i, _)| i)
            .to_set()
    };
    let multiple = !tokens.iter().any(|t| t.right) || right.len() > 1;
    let (kind, note) = if multiple {
        (QuestionKind::Multiple, None)
    } else {
        (QuestionKind::Single, note)
    };
    let explanation = with_feedback(feedback_lines(&tokens, true));
    let options = tokens.into_iter().map(|t| t.text).collect();
    Ok((
        draft(kind, options, Answer::Choice(right), explanation),
        note,
    ))
}

fn tokens(body: &[Ch]) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.escaped && (c.c == '=' || c.c == '~'))
        .map(|(i, _)| i)
        .collect();
    if starts.is_empty() || !body[..starts[0]].iter().all(|c| c.c.is_whitespace()) {
        return Err("答案部分应以“=”（正确）或“~”（错误）开头".into());
    }
    for (n, &s) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(body.len());
        let mut part = &body[s + 1..end];
        let mut feedback = String::new();
        if let Some(f) = find(part, 0, '#') {
            feedback = strip_format(text(&part[f + 1..]));
            part = &part[..f];
        }
        let mut weight = None;
        if part.first().is_some_and(|c| c.c == '%' && !c.escaped) {
            let close = find(part, 1, '%').ok_or("权重的“%”没有配对")?;
            let w: String = part[1..close].iter().map(|c| c.c).collect();
            weight = Some(crate::decimal::parse(&w).ok_or_else(|| format!("权重“{w}”不是数字"))?);
            part = &part[close + 1..];
        }
        out.push(Token {
            right: body[s].c == '=',
            weight,
            text: strip_format(text(part)),
            feedback,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(src: &str) -> QuestionDraft {
        let import = parse(src);
        assert!(import.problems.is_empty(), "{:?}", import.problems);
        assert_eq!(import.questions.len(), 1);
        import.questions[0].draft.clone()
    }

    #[test]
    fn choices_with_title_feedback_and_general_feedback() {
        let q = one("::Q1:: “四个一”中每半年一次的是 {\n=测验考试 #对\n~自我学习 #错\n~封闭培训\n####每半年一次测验考试。}");
        assert_eq!(q.kind, QuestionKind::Single);
        assert_eq!(q.stem, "“四个一”中每半年一次的是");
        assert_eq!(q.options, vec!["测验考试", "自我学习", "封闭培训"]);
        assert_eq!(q.answer, Answer::Choice(SortedSet::from([0])));
        assert_eq!(
            q.explanation,
            "每半年一次测验考试。\nA. 测验考试：对\nB. 自我学习：错"
        );
    }

    #[test]
    fn partial_credit_keeps_the_questions_kind_and_is_reported_on_its_line() {
        // From Moodle's own examples.txt.
        let import = parse("谁的家乡？ {~Jerusalem ~%25%Bethlehem ~%50%Galilee =Nazareth}\n\n拼写 {=Nazareth =%75%Nazereth =%25%Nazaret}\n\n一半 {~wrong ~%50%half =full}");
        assert!(import.problems.is_empty(), "{:?}", import.problems);
        let q: Vec<&QuestionDraft> = import.questions.iter().map(|p| &p.draft).collect();
        assert_eq!(q[0].kind, QuestionKind::Single);
        assert_eq!(q[0].answer, Answer::Choice(SortedSet::from([3])));
        assert_eq!(q[1].kind, QuestionKind::FillBlank);
        assert_eq!(q[1].answer, Answer::Blanks(vec![vec!["Nazareth".into()]]));
        assert_eq!(q[2].answer, Answer::Choice(SortedSet::from([2])));
        let lines: Vec<usize> = import.notes.iter().map(|n| n.line).collect();
        assert_eq!(lines, vec![1, 3, 5]);
        assert!(
            import.notes[0].reason.contains("“Bethlehem”（25%）"),
            "{:?}",
            import.notes
        );
    }

    #[test]
    fn each_answers_feedback_goes_to_the_explanation_and_markers_never_reach_the_stem() {
        let q = one("::标题::[markdown]“四个一”中每半年一次的是 {=测验考试#对，每半年一次 ~自我学习#这是每周的 ####[html]见制度。}");
        assert_eq!(q.stem, "“四个一”中每半年一次的是");
        assert_eq!(
            q.explanation,
            "见制度。\nA. 测验考试：对，每半年一次\nB. 自我学习：这是每周的"
        );
        let tf = one("诫勉要写整改措施。{TRUE#不对，要写#正确}");
        assert_eq!(tf.explanation, "不对，要写\n正确");
    }

    #[test]
    fn weights_make_a_multiple_choice() {
        let q = one("述职对象包括 {~%50%人大代表 ~%50%政协委员 ~%-100%外地游客}");
        assert_eq!(q.kind, QuestionKind::Multiple);
        assert_eq!(q.answer, Answer::Choice(SortedSet::from([0, 1])));
    }

    #[test]
    fn true_false_short_answer_essay_and_missing_word() {
        assert_eq!(
            one("诫勉对象应在5日内写出整改措施。{T}").answer,
            Answer::TrueFalse(true)
        );
        assert_eq!(
            one("可以不参加测验。{FALSE#必须参加}").answer,
            Answer::TrueFalse(false)
        );
        let fill = one("工作分线实行周调度、{=月总结 =每月总结}。");
        assert_eq!(fill.kind, QuestionKind::FillBlank);
        assert_eq!(fill.stem, "工作分线实行周调度、____。");
        assert_eq!(
            fill.answer,
            Answer::Blanks(vec![vec!["月总结".into(), "每月总结".into()]])
        );
        assert_eq!(one("简述“五员”定位。{}").kind, QuestionKind::ShortAnswer);
    }

    #[test]
    fn escapes_categories_and_comments() {
        let import = parse("// 注释\n$CATEGORY: $course$/作风建设/纪律\n\n1\\+1\\=2 是否正确\\? {T}\n\n比值 a\\:b {=1\\:2 ~2\\:1}\n");
        assert!(import.problems.is_empty(), "{:?}", import.problems);
        assert_eq!(import.questions.len(), 2);
        assert_eq!(import.questions[0].draft.stem, "1+1=2 是否正确?");
        assert_eq!(import.questions[0].draft.category, "纪律");
        assert_eq!(import.questions[1].draft.options, vec!["1:2", "2:1"]);
        assert_eq!(import.questions[1].line, 6);
    }

    #[test]
    fn unsupported_and_broken_questions_are_reported_with_their_line() {
        let import = parse("好题 {T}\n\n数值题 {#3:1}\n\n配对 {=甲 -> 乙 =丙 -> 丁}\n\n没有答案的题\n\n括号不配对 {=甲 ~乙\n");
        assert_eq!(import.questions.len(), 1);
        let lines: Vec<usize> = import.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 5, 7, 9]);
    }
}
