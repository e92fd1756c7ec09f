//! 谈话诫勉 in the single HTML file opened from a disk: cases are not kept there, because every
//! local page opened in the same browser shares its storage (`ui/origin.rs`). The page says so,
//! where to handle cases instead, and how to move any cases an older version stored here.

use crate::ui::prelude::*;

use crate::store::schema::StoreName;
use crate::ui::load::use_load;

#[function_component(SingleFileNotice)]
pub fn single_file_notice() -> Html {
    let held = use_load(&[StoreName::Admonitions], |session| async move {
        super::live_case_count(&session).await
    });
    let held = held.ready().map(|n| **n).unwrap_or(0);
    html! {
        <section class="admonition">
            <h1>{ "谈话诫勉" }</h1>
            <div class="notice warn" role="note">
                <p>{ "直接打开的单文件版（zuofeng.html）不办理诫勉案件：在同一个浏览器里直接打开的其他网页文件，也能读到这里保存的数据，而诫勉案件是干部的个人信息。" }</p>
                <p>{ "请使用网站版（由单位的服务器或本机的网址打开）办理诫勉案件；其他功能在单文件版中照常使用。" }</p>
            </div>
            if held > 0 {
                <p>{ format!("这里还存有 {held} 个诫勉案件（由之前的版本保存）。请在“数据管理”中勾选“同时导出诫勉案件”并设置密码，导出加密备份，到网站版中导入；确认无误后，再在这里清空本机数据。") }</p>
            }
        </section>
    }
}
