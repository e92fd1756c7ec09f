//! Every parser that reads a user's file takes any bytes without panicking: it returns a value
//! or an error, never a crash in the browser.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use zuofeng::exchange::envelope::FileKind;
use zuofeng::exchange::table::read_csv;
use zuofeng::exchange::text::decode;
use zuofeng::exchange::validate::read_file;
use zuofeng::quiz::import::{aiken, gift, parse_file, text as word_text};
use zuofeng::roster::csv_import;

/// A valid backup's text, to be mutated.
const VALID: &str = r#"{"format":"zuofeng","format_version":1,"min_app_version":"0.1.0","app_version":"0.1.0","kind":"backup","exported_by":{"name":"张三","unit":"党政办","post":"","device_id":"d"},"exported_at":"2026-11-27T07:30:00Z","records":{"cadres":[{"meta":{"id":"7a1d8e55-6c1f-4a8e-9a55-0c2b5f7d1e11","created_at":"2026-11-27T07:30:00Z","updated_at":"2026-11-27T07:30:00Z","rev":1,"versions":{"d":1}},"name":"张三","unit":"党政办","post":"","phone":"","retired":false}],"questions":[{"meta":{"id":"8b1d8e55-6c1f-4a8e-9a55-0c2b5f7d1e11","created_at":"2026-11-27T07:30:00Z","updated_at":"2026-11-27T07:30:00Z","rev":1,"versions":{"d":1}},"kind":"true_false","stem":"诫勉对象应在5日内写出整改措施","answer":{"type":"true_false","value":true}}]}}"#;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn exchange_files_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = read_file(&bytes, FileKind::Backup);
    }

    #[test]
    fn mutated_backups_never_panic(pos in 0usize..VALID.len(), len in 0usize..40, insert in "[{}\\[\\]\":,0-9a-z\\-]{0,8}") {
        let mut text = VALID.as_bytes().to_vec();
        let end = (pos + len).min(text.len());
        text.splice(pos..end, insert.bytes());
        let _ = read_file(&text, FileKind::Backup);
    }

    #[test]
    fn csv_and_text_decoding_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode(&bytes);
        let _ = read_csv(&bytes);
        let _ = csv_import::parse(&bytes, &[]);
    }

    #[test]
    fn question_importers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        for name in ["a.csv", "a.gift", "a.txt"] {
            let _ = parse_file(name, &bytes);
        }
    }

    #[test]
    fn question_shaped_text_never_panics(text in "[0-9A-H.、．:：()（）{}=~#%$/> 题答案解析正确错误对√×单选多选判断\\\\\n-]{0,300}") {
        let _ = gift::parse(&text);
        let _ = aiken::parse(&text);
        let _ = word_text::parse(&text);
    }

    #[test]
    fn xlsx_reading_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600), xml in "[<>/=\"a-z0-9 rtcvsi&#;.,%@\\\\\\[\\]]{0,300}", value in "[0-9.eE+-]{0,24}") {
        use zuofeng::office::xlsx::Shown;
        let _ = zuofeng::office::xlsx_read::entries(&bytes);
        let shared = zuofeng::office::xlsx_read::shared_strings(&xml);
        let styles = zuofeng::office::xlsx_read::cell_styles(&xml);
        let _ = zuofeng::office::xlsx_read::rows(&xml, &shared, &styles);
        let every = [
            Shown::General,
            Shown::Date,
            Shown::DateTime,
            Shown::Percent { decimals: 255 },
            Shown::Fixed { decimals: 9, grouped: true },
        ];
        let _ = zuofeng::office::xlsx_read::rows(&xml, &shared, &every);
        for how in every {
            let _ = zuofeng::office::xlsx_read::shown(&value, how);
        }
        let _ = zuofeng::quiz::import::parse_sheet_rows(vec![(1, vec![xml.clone()]), (2, vec![xml])]);
    }

    #[test]
    fn csv_shaped_text_never_panics(text in "[姓名单位职务电话张三,\"\\n\\r ]{0,200}") {
        let _ = csv_import::parse(text.as_bytes(), &[]);
    }
}

#[test]
fn the_valid_sample_is_valid() {
    // The sample is a real file, so mutations start from something that parses.
    let file = read_file(VALID.as_bytes(), FileKind::Backup);
    assert!(file.is_ok(), "{file:?}");
}
