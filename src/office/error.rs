//! What can go wrong writing or reading an office file, in words for the user.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeError {
    /// Packing the parts into the archive failed (memory, in practice).
    Pack,
    /// Not a ZIP archive with a central directory: an old .xls, a renamed file, a damaged one.
    NotXlsx,
    NoSheet,
    /// An entry packed with a method other than stored or deflate.
    Compression,
    /// The browser has no way to inflate (no `DecompressionStream`).
    NoInflater,
    /// Inflating an entry failed.
    Damaged,
}

impl OfficeError {
    pub fn user_message(self) -> String {
        match self {
            OfficeError::Pack => "无法生成文件，可能是电脑内存不足。请关闭其他程序后再试。",
            OfficeError::NotXlsx => "这不是有效的 Excel（.xlsx）文件，可能已损坏或是旧版 .xls 格式。请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入。",
            OfficeError::NoSheet => "Excel 文件中没有工作表。",
            OfficeError::Compression => "Excel 文件使用了不支持的压缩方式，请另存为 CSV 后导入。",
            OfficeError::NoInflater => "这个浏览器无法解压 Excel 文件，请使用新版浏览器，或把表格另存为 CSV 后导入。",
            OfficeError::Damaged => "Excel 文件已损坏，无法解压。请在 Excel/WPS 中重新保存后再导入。",
        }
        .into()
    }
}
