//! Why a question file could not be read at all (a bad line is a problem listed with the rest).

use crate::exchange::table::TableError;
use crate::office::OfficeError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionFileError {
    Table(TableError),
    Workbook(OfficeError),
    NoStemColumn,
    NoAnswerColumn,
    /// A sheet with no row at all.
    Empty,
    /// An .xlsx handed to the text readers (it must be unpacked first).
    Unpacked,
}

impl QuestionFileError {
    pub fn user_message(&self) -> String {
        match self {
            QuestionFileError::Table(e) => e.user_message(),
            QuestionFileError::Workbook(e) => e.user_message(),
            QuestionFileError::NoStemColumn => {
                "表头中找不到“题干”（或“题目”“试题”）列。请下载模板对照修改。".into()
            }
            QuestionFileError::NoAnswerColumn => {
                "表头中找不到“答案”（或“正确答案”）列。请下载模板对照修改。".into()
            }
            QuestionFileError::Empty => "表格是空的，没有表头和数据。".into(),
            QuestionFileError::Unpacked => {
                "Excel 文件需先解压，请通过“选择试题文件”按钮选择。".into()
            }
        }
    }
}
