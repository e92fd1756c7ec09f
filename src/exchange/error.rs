//! Everything that can be wrong with a file someone hands us, each with one Chinese sentence
//! that says what is wrong and what to do.

use super::envelope::{FileKind, MAX_FILE_BYTES};
use crate::store::schema::StoreName;

/// One bad record: where it is in the file and why it was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordProblem {
    pub store: String,
    /// 1-based position of the record within its store's list.
    pub position: usize,
    /// The record as people know it (a person, a date, a title), when it says.
    pub name: Option<String>,
    pub reason: String,
}

impl RecordProblem {
    pub fn describe(&self) -> String {
        let label = StoreName::parse(&self.store)
            .map(StoreName::label)
            .unwrap_or(self.store.as_str());
        match &self.name {
            Some(name) => format!("{label}“{name}”：{}", self.reason),
            None => format!("{label}第 {} 条：{}", self.position, self.reason),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Empty,
    TooLarge {
        bytes: u64,
    },
    NotText,
    Truncated,
    NotJson {
        line: usize,
        column: usize,
    },
    NotZuofeng,
    NewerFormat {
        found: u64,
    },
    NeedsNewerApp {
        required: String,
    },
    UnknownKind(String),
    WrongKind {
        expected: FileKind,
        found: FileKind,
    },
    BadHeader(String),
    UnknownStore(String),
    StoreNotAllowed {
        kind: FileKind,
        store: StoreName,
    },
    TooManyRecords(usize),
    InvalidRecords {
        problems: Vec<RecordProblem>,
        total: usize,
    },
    /// A ballot the 述职评议 rules refuse (a file with copies, an altered ballot, a used 选票码 …).
    Ballot(crate::assessment::intake::BallotRefusal),
    /// A sealed file that cannot be opened (wrong password, damaged, unknown cipher).
    Sealed(super::sealed::SealError),
}

/// How many record problems are listed on screen; the rest are counted.
pub const PROBLEMS_SHOWN: usize = 50;

impl FileError {
    /// The message shown to the user.
    pub fn user_message(&self) -> String {
        match self {
            FileError::Empty => "文件是空的。请确认选择了正确的文件，或让对方重新导出。".into(),
            FileError::TooLarge { bytes } => format!(
                "文件太大（{:.1} MB，上限 {} MB），不像是本应用导出的文件。请检查是否选错了文件。",
                *bytes as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            FileError::NotText => "这不是文本格式的 JSON 文件（可能是 Word、Excel 或压缩包）。请选择本应用导出的 .json 文件。".into(),
            FileError::Truncated => "文件不完整，可能在复制或下载时中断了。请让对方重新导出并发送，或从U盘重新复制一次。".into(),
            FileError::NotJson { line, column } => format!(
                "文件内容已损坏或不是 JSON 格式（第 {line} 行第 {column} 列附近出错）。请使用本应用导出的原始文件，不要用记事本等软件修改。"
            ),
            FileError::NotZuofeng => "这不是作风建设工作台导出的文件。请选择由本应用导出的 .json 文件。".into(),
            FileError::NewerFormat { found } => format!(
                "这个文件由更新版本的作风建设工作台导出（文件格式第 {found} 版），当前版本无法读取。请先升级本应用，再导入。"
            ),
            FileError::NeedsNewerApp { required } => format!(
                "这个文件需要 {required} 或更新版本的作风建设工作台才能读取，当前版本是 {}。请先升级本应用，再导入。",
                super::envelope::APP_VERSION
            ),
            // The kind and the store are named as the file spells them, which is no word a
            // person knows: only that there is something this version cannot read.
            FileError::UnknownKind(_) => {
                "无法识别这个文件的类型，可能来自更新版本的本应用。请升级后再导入。".into()
            }
            FileError::WrongKind { expected, found } => format!(
                "这是一个“{}”文件，这里需要“{}”文件。请到“{}”页面导入它。",
                found.label(),
                expected.label(),
                found.import_page()
            ),
            FileError::BadHeader(what) => format!(
                "文件头信息有误：{}，文件可能被修改过。请让对方重新导出。",
                what.trim_end_matches('。')
            ),
            FileError::UnknownStore(_) => {
                "文件中有本版本无法识别的一类数据，可能来自更新版本的本应用。请升级后再导入。"
                    .into()
            }
            FileError::StoreNotAllowed { kind, store } => format!(
                "“{}”文件中不应有{}数据，文件可能被修改过。请让对方用本应用重新导出。",
                kind.label(),
                store.label()
            ),
            FileError::TooManyRecords(n) => format!(
                "文件中的记录太多（{n} 条），不像是本应用导出的文件。请检查是否选错了文件。"
            ),
            FileError::Ballot(refusal) => refusal.user_message(),
            FileError::Sealed(e) => e.user_message(),
            FileError::InvalidRecords { problems, total } => {
                let mut msg = format!(
                    "文件中有 {total} 条记录不合格，为避免数据出错，整个文件都没有导入。请让对方用本应用重新导出。问题如下："
                );
                for p in problems.iter().take(PROBLEMS_SHOWN) {
                    msg.push('\n');
                    msg.push_str(&p.describe());
                }
                if *total > PROBLEMS_SHOWN {
                    msg.push_str(&format!("\n……另有 {} 条问题未列出。", total - PROBLEMS_SHOWN));
                }
                msg
            }
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for FileError {}
