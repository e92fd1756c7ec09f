//! Moodle's GIFT format: `::title::` stems with an answer block in braces — `{T}`/`{F}`,
//! `=right ~wrong` choices with `%weights%` and `#feedback`, `{=a =b}` short answers, `{}`
//! essays, `####` general feedback, `$CATEGORY:` lines, `//` comments and `\` escapes.

use std::collections::BTreeSet;

use crate::quiz::model::{Answer, Difficulty, QuestionDraft, QuestionKind};

use super::{ImportProblem, QuestionImport};

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
    for marker in ["[html]", "[moodle]", "[markdown]", "[plain]"] {
        if let Some(rest) = s.strip_prefix(marker) {
            return rest.trim().to_string();
        }
    }
    s
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
            Ok(draft) => out.push(line, draft),
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
}

fn question(raw: &str, category: &str) -> Result<QuestionDraft, String> {
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
    let before = text(&cs[start..open]);
    let after = text(&cs[close + 1..]);
    let stem = strip_format(if after.is_empty() {
        before
    } else {
        format!("{before}____{after}")
    });
    let mut body = &cs[open + 1..close];

    // #### general feedback becomes the explanation.
    let mut explanation = String::new();
    if let Some(pos) = (0..body.len().saturating_sub(3))
        .find(|&i| body[i..i + 4].iter().all(|c| c.c == '#' && !c.escaped))
    {
        explanation = text(&body[pos + 4..]);
        body = &body[..pos];
    }
    let body_text = text(body);
    let draft = |kind, options, answer| QuestionDraft {
        kind,
        stem: stem.clone(),
        options,
        answer,
        explanation: explanation.clone(),
        category: category.to_string(),
        difficulty: Difficulty::Medium,
        tags: Vec::new(),
        source: "GIFT".into(),
    };
    if body_text.is_empty() {
        return Ok(draft(
            QuestionKind::ShortAnswer,
            vec![],
            Answer::Reference(String::new()),
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
        .to_uppercase();
    match first_word.as_str() {
        "T" | "TRUE" => {
            return Ok(draft(
                QuestionKind::TrueFalse,
                vec![],
                Answer::TrueFalse(true),
            ))
        }
        "F" | "FALSE" => {
            return Ok(draft(
                QuestionKind::TrueFalse,
                vec![],
                Answer::TrueFalse(false),
            ))
        }
        _ => {}
    }
    let tokens = tokens(body)?;
    if tokens.iter().any(|t| t.text.contains("->")) {
        return Err("不支持配对题（=… -> …）".into());
    }
    // Only "=" answers and no "~": a short answer with its accepted forms.
    if tokens.iter().all(|t| t.right && t.weight.is_none()) && !body_text.contains('~') {
        let accepted = tokens.into_iter().map(|t| t.text).collect();
        return Ok(draft(
            QuestionKind::FillBlank,
            vec![],
            Answer::Blanks(vec![accepted]),
        ));
    }
    let right: BTreeSet<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.weight.map_or(t.right, |w| w > 0.0))
        .map(|(i, _)| i)
        .collect();
    let weighted = tokens.iter().any(|t| t.weight.is_some());
    let kind = if weighted || right.len() > 1 {
        QuestionKind::Multiple
    } else {
        QuestionKind::Single
    };
    let options = tokens.into_iter().map(|t| t.text).collect();
    Ok(draft(kind, options, Answer::Choice(right)))
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
        // A per-answer #feedback is not kept: the explanation covers the question.
        if let Some(f) = find(part, 0, '#') {
            part = &part[..f];
        }
        let mut weight = None;
        if part.first().is_some_and(|c| c.c == '%' && !c.escaped) {
            let close = find(part, 1, '%').ok_or("权重的“%”没有配对")?;
            let w: String = part[1..close].iter().map(|c| c.c).collect();
            weight = Some(
                w.trim()
                    .parse::<f64>()
                    .map_err(|_| format!("权重“{w}”不是数字"))?,
            );
            part = &part[close + 1..];
        }
        out.push(Token {
            right: body[s].c == '=',
            weight,
            text: text(part),
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
        assert_eq!(q.answer, Answer::Choice(BTreeSet::from([0])));
        assert_eq!(q.explanation, "每半年一次测验考试。");
    }

    #[test]
    fn weights_make_a_multiple_choice() {
        let q = one("述职对象包括 {~%50%人大代表 ~%50%政协委员 ~%-100%外地游客}");
        assert_eq!(q.kind, QuestionKind::Multiple);
        assert_eq!(q.answer, Answer::Choice(BTreeSet::from([0, 1])));
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
