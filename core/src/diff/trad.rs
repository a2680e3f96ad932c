//! A small traditional → simplified character table for item matching.
//!
//! Only for comparing names, contents and citations in the diff: it covers the characters of
//! disclosure catalogues (fields, channels, organs, legal titles, common place names), not the
//! whole language. The importer's own normalisation (`import::text::normalize_name`) runs
//! first; this table makes the diff independent of how far that one goes.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Pairs of (traditional, simplified) characters, written as one string of pairs.
const PAIRS: &str = "\
氣气經经營营許许證证証证發发髮发審审設设鎮镇處处罰罚鄉乡級级縣县區区門门戶户網网務务佈布會会\
聽听紙纸質质體体開开閱阅點点電电現现場场業业單单欄栏準准兩两廣广視视報报動动請请條条國国號号\
華华佔占線线綫线橋桥樑梁車车輛辆駛驶園园綠绿樹树遷迁變变規规劃划與与確确維维備备據据機机構构\
辦办結结時时個个內内獲获長长實实當当負负責责綜综執执環环衛卫掃扫運运輸输築筑熱热計计檢检監监\
預预決决財财項项資资訊讯權权職职員员諮咨詢询訴诉濟济強强標标範范價价費费補补貼贴養养醫医療疗\
農农們们為为對对於于關关從从來来後后這这兒儿黨党團团組组織织領领導导舉举聯联繫系係系話话說说\
記记徵征償偿鄰邻絡络臺台雲云億亿萬万歷历曆历書书圖图館馆遼辽豐丰陽阳東东蘇苏鄭郑陝陕寧宁灣湾\
龍龙慶庆雜杂總总統统頒颁銷销註注簽签檔档錄录選选達达進进過过還还遠远違违則则應应讓让議议論论\
評评試试調调談谈謝谢讀读題题類类顧顾願愿頭头額额順顺須须餘余驗验購购買买賣卖貨货貧贫賠赔優优\
傳传儲储況况減减凍冻創创劇剧勞劳勵励協协廠厂廳厅壓压參参圍围壞坏塊块壩坝聲声復复複复獎奖婦妇\
孫孙學学寶宝憲宪寬宽將将層层屆届屬属島岛幣币師师帶带幫帮幹干莊庄庫库廢废棄弃張张歸归徑径態态\
惡恶懲惩戰战擴扩揚扬擾扰護护擔担擬拟擇择掛挂換换擁拥攤摊數数斷断無无舊旧顯显暫暂術术殺杀極极\
樣样樂乐樓楼殘残毀毁匯汇漢汉溝沟沒没潔洁淺浅測测濃浓澤泽滅灭溫温濕湿滿满濾滤濫滥濱滨潛潜燈灯\
災灾煉炼煙烟燒烧愛爱牽牵狀状獨独獄狱畫画盡尽盤盘礦矿禮礼禍祸離离種种積积稱称穩稳窮穷競竞筆笔\
簡简糧粮緊紧糾纠紀纪約约紅红純纯紛纷納纳練练細细終终給给絕绝繼继績绩續续緣缘編编縮缩聰聪肅肃\
膽胆腦脑興兴藝艺節节藥药蓋盖蘭兰虛虚裝装製制見见覽览覺觉觀观訂订認认討讨訓训講讲訪访識识診诊\
詞词譯译詳详該该誠诚語语誤误諸诸課课誰谁謀谋謹谨貝贝貢贡販贩貴贵貸贷貿贸賓宾賞赏賦赋贈赠贊赞\
趙赵跡迹踐践軍军軟软輕轻載载較较輔辅輪轮轄辖邊边連连適适遞递遺遗郵邮釋释裡里裏里鑒鉴鑑鉴針针\
鋼钢錢钱鐵铁銅铜鎖锁錯错鍵键鏡镜鑄铸閉闭問问間间陰阴際际陸陆險险隨随隱隐隊队階阶難难雙双靜静\
頁页頂顶頻频風风飛飞飲饮飯饭馬马驚惊鬥斗魚鱼鳥鸟鹽盐麗丽黃黄齊齐傷伤僅仅儀仪冊册寫写劉刘剛刚\
勢势卻却厲厉葉叶嚴严聖圣堅坚壇坛牆墙壯壮壽寿夠够夢梦奪夺奮奋尋寻爾尔塵尘歲岁崗岗嶺岭幾几廟庙\
彈弹憑凭憶忆懷怀戲戏撥拨擊击攜携敵敌曉晓楊杨榮荣歐欧殼壳沖冲淚泪湯汤滬沪潤润澆浇濁浊灘滩爐炉\
爭争犧牺猶犹獸兽產产畢毕異异盜盗眾众衆众碼码礎础稅税穀谷竊窃緒绪縱纵纜缆罷罢羅罗義义習习脅胁\
腳脚臉脸臨临蟲虫衝冲觸触誌志謂谓譽誉豬猪貳贰賽赛趕赶蹤踪躍跃轉转辭辞遲迟遊游邏逻閃闪閒闲閣阁\
闊阔隸隶雖虽鞏巩響响頗颇頓顿顏颜饑饥騎骑騙骗驅驱髒脏鬆松鬧闹麥麦齡龄迴回週周啟启羣群峯峰纖纤\
壟垄墾垦戀恋麼么僱雇廈厦瀝沥燦灿爛烂癢痒瘋疯輯辑瀏浏擠挤擋挡攝摄擺摆搖摇攔拦樁桩鏈链鍋锅鋪铺\
鋁铝灑洒瀉泻淨净涼凉凱凯剷铲劑剂勁劲勻匀匱匮賬账帳帐擰拧遙遥緩缓締缔繩绳綱纲紡纺紋纹紐纽絲丝\
綿绵緯纬蠶蚕蝦虾螞蚂蟻蚁鄧邓陳陈韓韩鍾钟馮冯盧卢蔣蒋賀贺閻阎譚谭龔龚鄒邹喬乔賴赖鄺邝藍蓝輝辉\
龐庞瀋沈紹绍濤涛樺桦嬌娇鳳凤鶴鹤鷹鹰鵬鹏採采徹彻輿舆陣阵託托夥伙閘闸閥阀澇涝漁渔礙碍廁厕輻辐";

fn table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = PAIRS.chars().collect();
        chars
            .chunks_exact(2)
            .filter_map(|p| match p {
                [t, s] => Some((*t, *s)),
                _ => None,
            })
            .collect()
    })
}

/// The simplified form of a character, when the table knows it.
pub(crate) fn simplify(c: char) -> char {
    table().get(&c).copied().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn table_is_well_formed() {
        let chars: Vec<char> = PAIRS.chars().collect();
        assert_eq!(chars.len() % 2, 0, "odd number of characters");
        let mut seen: HashMap<char, char> = HashMap::new();
        for p in chars.chunks_exact(2) {
            let (t, s) = (p[0], p[1]);
            assert_ne!(t, s, "{t} maps to itself");
            if let Some(prev) = seen.insert(t, s) {
                assert_eq!(prev, s, "{t} maps to both {prev} and {s}");
            }
        }
        // No simplified target is itself a traditional key (the mapping is one step).
        for s in seen.values() {
            assert!(!seen.contains_key(s), "{s} is both a target and a key");
        }
    }

    #[test]
    fn simplifies_catalogue_words() {
        let s: String = "燃氣經營許可證核發".chars().map(simplify).collect();
        assert_eq!(s, "燃气经营许可证核发");
        let s: String = "鎮級村級".chars().map(simplify).collect();
        assert_eq!(s, "镇级村级");
        assert_eq!(simplify('城'), '城');
    }
}
