//! 导出名册: the roster as Excel and CSV, in the order it is shown.

use std::rc::Rc;

use crate::ui::prelude::*;

use super::export;
use super::model::Cadre;
use crate::office::xlsx;
use crate::ui::download::{save_office, save_text, XLSX};
use crate::ui::notice::Notice;
use crate::ui::time;

#[derive(Properties, PartialEq)]
pub struct RosterExportProps {
    /// Everyone to export, in pinyin order of unit and name.
    pub cadres: Rc<Vec<Cadre>>,
    pub on_notice: Callback<Notice>,
}

#[function_component(RosterExport)]
pub fn roster_export(props: &RosterExportProps) -> Html {
    let township = crate::admonition::ui::use_office_identity().township;
    let export = |excel: bool| {
        let (cadres, on_notice, township) = (
            props.cadres.clone(),
            props.on_notice.clone(),
            township.clone(),
        );
        Callback::from(move |_| {
            let mut list: Vec<&Cadre> = cadres.iter().collect();
            crate::ui::collate::sort_in_pinyin(&mut list, |c| [&c.unit, &c.name]);
            let made = crate::local_time::minute_text(time::local_now());
            let result = if excel {
                let sheet = export::sheet(&list, &format!("{township}干部名册"), &made);
                save_office("干部名册.xlsx", XLSX, xlsx::workbook(&sheet))
            } else {
                save_text("干部名册.csv", "text/csv", &export::csv(&list))
            };
            on_notice.emit(match result {
                Ok(()) => Notice::Success(format!(
                    "已导出干部名册（{} 人），文件在浏览器的下载文件夹中。",
                    list.len()
                )),
                Err(m) => Notice::Error(m),
            });
        })
    };
    html! {
        <>
            <button onclick={export(true)}>{ "导出 Excel" }</button>
            <button onclick={export(false)}>{ "导出 CSV" }</button>
        </>
    }
}
