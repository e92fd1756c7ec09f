//! The roster as an office files it: 姓名, 单位, 职务, 电话 and whether the cadre is still in
//! post, in Excel (telephone numbers as text) and CSV (importable again here).

use super::model::Cadre;
use crate::office::xlsx::Sheet;

const HEADERS: [&str; 5] = ["姓名", "单位", "职务", "电话", "状态"];

fn row(c: &Cadre) -> Vec<String> {
    vec![
        c.name.clone(),
        c.unit.clone(),
        c.post.clone(),
        c.phone.clone(),
        if c.retired { "已停用" } else { "在岗" }.into(),
    ]
}

/// The roster's rows, header first, in the order given.
pub fn rows(cadres: &[&Cadre]) -> Vec<Vec<String>> {
    std::iter::once(HEADERS.map(String::from).to_vec())
        .chain(cadres.iter().map(|c| row(c)))
        .collect()
}

/// The roster as a printable sheet: titled with the township, dated.
pub fn sheet(cadres: &[&Cadre], title: &str, made: &str) -> Sheet {
    Sheet::new("干部名册", title, rows(cadres))
        .line(format!("共 {} 人，{made} 导出", cadres.len()))
        .text_column(3)
}

/// The roster as CSV: a telephone number keeps the `'` that tells Excel and WPS it is text (no
/// 1.38E+10), which the import here reads away.
pub fn csv(cadres: &[&Cadre]) -> String {
    crate::exchange::table::csv_text(&rows(cadres))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, Meta};
    use crate::roster::model::CadreFields;

    fn cadre(name: &str, phone: &str, retired: bool) -> Cadre {
        let mut c = Cadre::new(
            Meta::new(&DeviceId("a".into()), chrono::DateTime::default()),
            CadreFields {
                name: name.into(),
                unit: "综治办".into(),
                post: "主任".into(),
                phone: phone.into(),
            },
        );
        c.retired = retired;
        c
    }

    #[test]
    fn a_roster_exported_as_csv_imports_back_as_the_same_people() {
        let people = [
            cadre("王五", "13812345678", false),
            cadre("赵六", "6123456", true),
        ];
        let refs: Vec<&Cadre> = people.iter().collect();
        let text = csv(&refs);
        assert!(text.contains(",'13812345678,"), "{text}");
        let back = crate::roster::csv_import::parse(text.as_bytes(), &[])
            .unwrap_or_else(|e| panic!("{}", e.user_message()));
        let phones: Vec<String> = back.rows.iter().map(|r| r.fields.phone.clone()).collect();
        assert_eq!(phones, vec!["13812345678", "6123456"]);
        assert_eq!(rows(&refs)[2][4], "已停用");
    }

    #[test]
    fn telephone_numbers_stay_text_in_excel() {
        let people = [cadre("赵六", "6123456", false)];
        let refs: Vec<&Cadre> = people.iter().collect();
        let s = sheet(&refs, "某某镇干部名册", "2026-12-02");
        let bytes = crate::office::xlsx::workbook(&s).unwrap_or_default();
        let mut zip =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name("xl/worksheets/sheet1.xml")
                .unwrap_or_else(|e| panic!("{e}")),
            &mut xml,
        )
        .unwrap_or_default();
        assert!(
            xml.contains(r#"t="inlineStr"><is><t xml:space="preserve">6123456</t>"#),
            "{xml}"
        );
    }
}
