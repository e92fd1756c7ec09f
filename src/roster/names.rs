//! People's names as typed: forms align two-character names with a full-width space (张　三),
//! text copied from web pages and chats carries zero-width characters, and a compound surname
//! (欧阳, 司马) is part of the family name. Every comparison and every mask goes through here.
//!
//! Only the part of Unicode NFKC that names meet is applied (full-width letters and digits to
//! ASCII, every kind of space and invisible character removed): the full normalisation tables
//! would add about 100 KB to the download for characters no Chinese name contains.

/// A name as it is stored and compared: no spaces of any width, no invisible or control
/// characters, full-width Latin letters and digits as ASCII. Latin names keep one space
/// between words ("Li Ming").
pub fn clean_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars().map(narrow) {
        if c.is_whitespace() {
            space = true;
        } else if invisible(c) {
            continue;
        } else {
            if space && out.chars().last().is_some_and(latin) && latin(c) {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Full-width ASCII forms (Ａ, １, ！) as ASCII; the ideographic space as a space.
fn narrow(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Characters that take no room on screen: controls, zero-width spaces and joiners, marks of
/// direction, the word joiner and the byte-order mark.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c as u32, 0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x180E
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
            | 0xFEFF | 0xFFA0)
}

fn latin(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Two-character surnames, which mask and sort as one family name.
const COMPOUND_SURNAMES: [&str; 40] = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "钟离", "澹台", "南宫", "独孤", "端木", "西门", "百里", "呼延", "万俟",
    "闻人", "申屠", "太史", "公羊", "东郭", "赫连", "拓跋", "濮阳", "淳于", "单于", "司空", "仲孙",
    "乐正", "左丘", "第五", "谷梁",
];

/// How many characters of `name` (cleaned) are the family name.
pub fn surname_len(name: &str) -> usize {
    let name = clean_name(name);
    let n = name.chars().count();
    if n >= 3 && COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s)) {
        2
    } else {
        n.min(1)
    }
}

/// A name for a public list: the family name whole, the given name hidden except its last
/// character when it has two or more (张三 → 张*, 张小明 → 张*明, 欧阳明 → 欧阳*,
/// 欧阳小明 → 欧阳*明). Invisible characters and spaces never take a character's place.
pub fn masked(name: &str) -> String {
    let chars: Vec<char> = clean_name(name).chars().collect();
    let family = surname_len(&chars.iter().collect::<String>());
    let given = &chars[family.min(chars.len())..];
    let mut out: String = chars[..family.min(chars.len())].iter().collect();
    match given {
        [] => {}
        [_] => out.push('*'),
        [.., last] => {
            out.push_str(&"*".repeat(given.len() - 1));
            out.push(*last);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_of_spaces_and_invisible_characters() {
        assert_eq!(clean_name("张　三"), "张三");
        assert_eq!(clean_name(" 李\u{200b}四 "), "李四");
        assert_eq!(clean_name("王\u{feff}五\u{200d}"), "王五");
        assert_eq!(clean_name("Ｌｉ　Ｍｉｎｇ"), "Li Ming");
        assert_eq!(clean_name("赵 六"), "赵六");
        assert_eq!(clean_name("\u{7}孙三"), "孙三");
    }

    #[test]
    fn masks_keep_the_family_name_and_hide_the_given_name() {
        let cases = [
            ("张", "张"),
            ("张三", "张*"),
            ("张小明", "张*明"),
            ("张小明明", "张**明"),
            ("欧阳明", "欧阳*"),
            ("司马光", "司马*"),
            ("诸葛亮", "诸葛*"),
            ("欧阳小明", "欧阳*明"),
            ("上官婉儿", "上官*儿"),
            ("欧阳", "欧*"),
            ("张　三", "张*"),
            ("李\u{200b}四", "李*"),
            ("", ""),
        ];
        for (name, mask) in cases {
            assert_eq!(masked(name), mask, "{name}");
        }
    }

    #[test]
    fn no_mask_shows_the_whole_given_name() {
        for name in ["欧阳明", "司马光", "诸葛亮", "张三", "李小四", "慕容复"] {
            let given: String = clean_name(name).chars().skip(surname_len(name)).collect();
            assert!(!masked(name).contains(&given), "{name}");
        }
    }
}
