//! Traditional → simplified folding for matching (headers, channel names, levels, time limits)
//! and for `normalize_name`. Values shown to users keep the characters as written.
//!
//! The table lists one-to-one character pairs (traditional, simplified) common in government
//! texts. Characters whose simplification depends on the word (乾, 著, 藉, 瞭 …) are left out.

use std::sync::OnceLock;

/// Pairs: each traditional character followed by its simplified form (white space ignored).
const PAIRS: &str = "
丟丢 並并 亂乱 亞亚 佇伫 來来 侖仑 侶侣 俠侠 係系 倀伥 倆俩 們们 個个 倫伦 偉伟 側侧 偵侦
偽伪 傑杰 傖伧 傘伞 備备 傢家 傭佣 傳传 傴伛 債债 傷伤 傾倾 僂偻 僅仅 僉佥 僑侨 僕仆 僥侥
僨偾 價价 儀仪 儂侬 億亿 儈侩 儉俭 儐傧 儔俦 儕侪 儘尽 償偿 優优 儲储 儷俪 儼俨 兌兑 兒儿
兗兖 內内 兩两 冊册 冪幂 凈净 凍冻 凱凯 別别 刪删 則则 剋克 剎刹 剛刚 剝剥 剮剐 剴剀 創创
劃划 劇剧 劉刘 劊刽 劌刿 劍剑 劑剂 勁劲 動动 務务 勛勋 勝胜 勞劳 勢势 勱劢 勵励 勸劝 勻匀
匭匦 匯汇 匱匮 區区 協协 卻却 厙厍 厠厕 厭厌 厲厉 參参 叄叁 叢丛 吳吴 吶呐 呂吕 咼呙 員员
唄呗 問问 啓启 啞哑 啟启 喚唤 喪丧 喬乔 單单 喲哟 嗆呛 嗇啬 嗎吗 嗚呜 嗩唢 嗶哔 嘆叹 嘍喽
嘔呕 嘖啧 嘗尝 嘩哗 嘮唠 嘯啸 嘰叽 噁恶 噓嘘 噠哒 噥哝 噯嗳 噴喷 噸吨 噹当 嚀咛 嚇吓 嚕噜
嚙啮 嚥咽 嚨咙 嚮向 嚴严 嚶嘤 囁嗫 囂嚣 囈呓 囑嘱 囪囱 圇囵 國国 圍围 園园 圓圆 圖图 團团
埡垭 執执 堅坚 堊垩 堝埚 堯尧 報报 場场 塊块 塋茔 塗涂 塢坞 塤埙 塵尘 塹堑 墊垫 墜坠 墮堕
墳坟 墻墙 墾垦 壇坛 壓压 壘垒 壙圹 壚垆 壞坏 壟垄 壢坜 壩坝 壯壮 壺壶 壽寿 夠够 夢梦 夥伙
夾夹 奐奂 奧奥 奩奁 奪夺 奬奖 奮奋 妝妆 姍姗 姦奸 娛娱 婁娄 婦妇 婭娅 媧娲 媯妫 媼媪 媽妈
嫗妪 嫵妩 嫻娴 嬈娆 嬋婵 嬌娇 嬙嫱 嬡嫒 嬤嬷 嬪嫔 嬰婴 嬸婶 孌娈 孫孙 學学 孿孪 宮宫 寢寝
實实 寧宁 審审 寫写 寬宽 寵宠 寶宝 將将 專专 尋寻 對对 導导 尷尴 屆届 屍尸 屜屉 屢屡 層层
屨屦 屬属 岡冈 峴岘 島岛 峽峡 崍崃 崗岗 崢峥 嵐岚 嶁嵝 嶄崭 嶇岖 嶗崂 嶠峤 嶧峄 嶸嵘 嶺岭
嶼屿 巋岿 巒峦 巔巅 帥帅 師师 帳帐 帶带 幀帧 幃帏 幗帼 幘帻 幟帜 幣币 幫帮 幬帱 幹干 幾几
庫库 廁厕 廂厢 廄厩 廈厦 廚厨 廝厮 廟庙 廠厂 廡庑 廢废 廣广 廩廪 廬庐 廳厅 弒弑 弔吊 張张
強强 彆别 彈弹 彌弥 彎弯 彙汇 彥彦 彫雕 後后 徑径 從从 徠徕 復复 徵征 徹彻 恆恒 恥耻 悅悦
悵怅 悶闷 惡恶 惱恼 惲恽 惻恻 愛爱 愜惬 愨悫 愴怆 愷恺 愾忾 態态 慍愠 慘惨 慚惭 慟恸 慣惯
慪怄 慫怂 慮虑 慳悭 慶庆 憂忧 憊惫 憐怜 憑凭 憒愦 憚惮 憤愤 憫悯 憮怃 憲宪 憶忆 懇恳 應应
懌怿 懍懔 懟怼 懣懑 懨恹 懲惩 懶懒 懷怀 懸悬 懺忏 懼惧 懾慑 戀恋 戇戆 戔戋 戧戗 戩戬 戰战
戲戏 戶户 拋抛 挾挟 捨舍 捲卷 掃扫 掄抡 掙挣 掛挂 採采 揀拣 揚扬 換换 揮挥 損损 搖摇 搗捣
搶抢 摑掴 摜掼 摟搂 摯挚 摳抠 摶抟 摻掺 撈捞 撐撑 撓挠 撚捻 撥拨 撫抚 撲扑 撻挞 撾挝 撿捡
擁拥 擄掳 擇择 擊击 擋挡 擔担 據据 擠挤 擬拟 擯摈 擰拧 擱搁 擲掷 擴扩 擷撷 擺摆 擻擞 擾扰
攆撵 攏拢 攔拦 攙搀 攜携 攝摄 攢攒 攣挛 攤摊 攪搅 攬揽 敗败 敘叙 敵敌 數数 斂敛 斃毙 斬斩
斷断 於于 時时 晉晋 晝昼 暈晕 暉晖 暢畅 暫暂 曄晔 曆历 曇昙 曉晓 曖暧 曠旷 曬晒 書书 會会
朧胧 東东 條条 梟枭 棄弃 棖枨 棟栋 棧栈 棲栖 楊杨 楓枫 楨桢 業业 極极 榮荣 構构 槍枪 槓杠
槨椁 樁桩 樂乐 樅枞 樓楼 標标 樞枢 樣样 樸朴 樹树 樺桦 橈桡 橋桥 機机 橢椭 橫横 檁檩 檔档
檢检 檣樯 檯台 檳槟 檸柠 檻槛 櫃柜 櫓橹 櫚榈 櫛栉 櫝椟 櫞橼 櫟栎 櫥橱 櫨栌 櫪枥 櫬榇 櫳栊
櫸榉 櫻樱 欄栏 權权 欏椤 欒栾 欖榄 欞棂 欽钦 歐欧 歟欤 歡欢 歲岁 歷历 歸归 歿殁 殘残 殞殒
殤殇 殫殚 殮殓 殯殡 殲歼 殺杀 殼壳 毀毁 毆殴 毿毵 氈毡 氣气 氫氢 氬氩 氳氲 漢汉 湯汤 沒没
溝沟 決决 沖冲 況况 洩泄 洶汹 浹浃 涇泾 涼凉 淒凄 淚泪 淥渌 淨净 淪沦 淵渊 淶涞 淺浅 渙涣
減减 渦涡 測测 渾浑 湊凑 湞浈 湧涌 溈沩 準准 溫温 滄沧 滅灭 滌涤 滎荥 滬沪 滯滞 滲渗 滷卤
滸浒 滾滚 滿满 漁渔 漚沤 漣涟 漬渍 漲涨 漵溆 漸渐 漿浆 潁颍 潑泼 潔洁 潛潜 潤润 潯浔 潰溃
澀涩 澆浇 澇涝 澗涧 澠渑 澤泽 澮浍 澱淀 濁浊 濃浓 濕湿 濘泞 濟济 濤涛 濫滥 濰潍 濱滨 濺溅
濼泺 濾滤 瀅滢 瀆渎 瀉泻 瀋沈 瀏浏 瀕濒 瀘泸 瀝沥 瀟潇 瀠潆 瀦潴 瀧泷 瀨濑 瀰弥 瀲潋 瀾澜
灃沣 灄滠 灑洒 灕漓 灘滩 灝灏 灣湾 灤滦 灩滟 災灾 為为 烏乌 烴烃 無无 煉炼 煒炜 煙烟 煢茕
煥焕 煩烦 煬炀 熒荧 熗炝 熱热 熾炽 燁烨 燈灯 燉炖 燒烧 燙烫 燜焖 營营 燦灿 燭烛 燴烩 燼烬
燾焘 爍烁 爐炉 爛烂 爭争 爺爷 爾尔 牆墙 牘牍 牽牵 犖荦 犢犊 犧牺 狀状 狹狭 狽狈 猙狰 猶犹
猻狲 獁犸 獄狱 獅狮 獎奖 獨独 獪狯 獫猃 獰狞 獲获 獵猎 獷犷 獸兽 獺獭 獻献 獼猕 玀猡 現现
琺珐 琿珲 瑋玮 瑣琐 瑤瑶 瑩莹 瑪玛 瑲玱 璉琏 璣玑 璦瑷 璽玺 瓊琼 瓏珑 瓔璎 瓚瓒 甌瓯 產产
畝亩 畢毕 畫画 異异 當当 疇畴 疊叠 痙痉 瘋疯 瘍疡 瘓痪 瘡疮 瘧疟 瘻瘘 療疗 癆痨 癇痫 癉瘅
癘疠 癟瘪 癢痒 癤疖 癥症 癧疬 癩癞 癬癣 癭瘿 癮瘾 癰痈 癱瘫 癲癫 發发 皚皑 皺皱 盜盗 盞盏
盡尽 監监 盤盘 盧卢 盪荡 眥眦 眾众 睏困 睜睁 睞睐 瞞瞒 瞼睑 矚瞩 矯矫 硃朱 硤硖 硨砗 硯砚
碩硕 碭砀 確确 碼码 磚砖 磣碜 磧碛 磯矶 磽硗 礎础 礙碍 礦矿 礪砺 礫砾 礬矾 祕秘 祿禄 禍祸
禎祯 禦御 禪禅 禮礼 禰祢 禱祷 禿秃 秈籼 稅税 稈秆 稜棱 稟禀 種种 稱称 穀谷 穌稣 積积 穎颖
穢秽 穩稳 穫获 窩窝 窪洼 窮穷 窯窑 窶窭 窺窥 竄窜 竅窍 竇窦 竊窃 競竞 筆笔 筍笋 筧笕 箋笺
箏筝 節节 範范 築筑 篋箧 篤笃 篩筛 篳筚 簀箦 簍篓 簞箪 簡简 簣篑 簫箫 簽签 簾帘 籃篮 籌筹
籜箨 籟籁 籠笼 籤签 籩笾 籬篱 籮箩 籲吁 粵粤 糝糁 糞粪 糧粮 糰团 糲粝 糴籴 糶粜 糾纠 紀纪
紂纣 約约 紅红 紆纡 紇纥 紈纨 紉纫 紋纹 納纳 紐纽 紓纾 純纯 紕纰 紗纱 紙纸 級级 紛纷 紜纭
紡纺 紮扎 細细 紱绂 紲绁 紳绅 紹绍 紺绀 紼绋 絀绌 終终 組组 絆绊 絎绗 結结 絕绝 絛绦 絞绞
絡络 絢绚 給给 絨绒 絲丝 絳绛 絹绢 綁绑 綃绡 綆绠 綈绨 綏绥 經经 綜综 綞缍 綠绿 綢绸 綣绻
綬绶 維维 綰绾 綱纲 網网 綴缀 綸纶 綹绺 綺绮 綻绽 綽绰 綾绫 綿绵 緄绲 緇缁 緊紧 緋绯 緒绪
緗缃 緘缄 緙缂 線线 緝缉 緞缎 締缔 緡缗 緣缘 緦缌 編编 緩缓 緬缅 緯纬 緱缑 緲缈 練练 緶缏
緹缇 緻致 縈萦 縉缙 縊缢 縋缒 縐绉 縑缣 縛缚 縝缜 縞缟 縟缛 縣县 縫缝 縭缡 縮缩 縱纵 縲缧
縴纤 縵缦 縶絷 縷缕 縹缥 總总 績绩 繃绷 繅缫 繆缪 繒缯 織织 繕缮 繚缭 繞绕 繡绣 繩绳 繪绘
繫系 繭茧 繯缳 繳缴 繹绎 繼继 繽缤 纈缬 纊纩 續续 纍累 纏缠 纓缨 纖纤 纘缵 纜缆 缽钵 罈坛
罌罂 罰罚 罵骂 罷罢 羅罗 羆罴 羈羁 羋芈 羥羟 義义 習习 翹翘 耬耧 耮耢 聖圣 聞闻 聯联 聰聪
聲声 聳耸 聵聩 聶聂 職职 聹聍 聽听 聾聋 肅肃 脅胁 脈脉 脛胫 脫脱 脹胀 腎肾 腖胨 腡脶 腦脑
腫肿 腳脚 腸肠 膃腽 膚肤 膠胶 膩腻 膽胆 膾脍 膿脓 臉脸 臍脐 臏膑 臘腊 臚胪 臟脏 臠脔 臨临
與与 興兴 舉举 舊旧 艙舱 艤舣 艦舰 艫舻 艱艰 艷艳 芻刍 苧苎 茲兹 荊荆 莊庄 莖茎 莢荚 莧苋
華华 萇苌 萊莱 萬万 萵莴 葉叶 葒荭 葦苇 葯药 葷荤 蒓莼 蒔莳 蒞莅 蒼苍 蓀荪 蓋盖 蓮莲 蓯苁
蓴莼 蓽荜 蔔卜 蔞蒌 蔣蒋 蔥葱 蔦茑 蔭荫 蕁荨 蕆蒇 蕎荞 蕒荬 蕓芸 蕕莸 蕘荛 蕢蒉 蕩荡 蕪芜
蕭萧 蕷蓣 薈荟 薊蓟 薌芗 薑姜 薔蔷 薟莶 薦荐 薩萨 薺荠 藍蓝 藎荩 藝艺 藥药 藪薮 藶苈 藹蔼
藺蔺 蘄蕲 蘆芦 蘇苏 蘊蕴 蘋苹 蘚藓 蘞蔹 蘢茏 蘭兰 蘺蓠 蘿萝 處处 虛虚 虜虏 號号 虧亏 蛺蛱
蛻蜕 蜆蚬 蝕蚀 蝟猬 蝦虾 蝸蜗 螄蛳 螞蚂 螢萤 螻蝼 蟄蛰 蟈蝈 蟎螨 蟣虮 蟬蝉 蟯蛲 蟲虫 蟶蛏
蟻蚁 蠅蝇 蠆虿 蠍蝎 蠐蛴 蠑蝾 蠟蜡 蠣蛎 蠱蛊 蠶蚕 蠻蛮 衆众 衊蔑 術术 衛卫 衝冲 袞衮 裊袅
補补 裝装 裡里 裏里 製制 複复 褲裤 褳裢 褸褛 褻亵 襇裥 襖袄 襝裣 襠裆 襤褴 襪袜 襯衬 襲袭
覈核 見见 規规 覓觅 視视 覘觇 覡觋 覥觍 覦觎 親亲 覬觊 覯觏 覲觐 覷觑 覺觉 覽览 覿觌 觀观
觴觞 觶觯 觸触 訂订 訃讣 計计 訊讯 訌讧 討讨 訐讦 訓训 訕讪 訖讫 託托 記记 訛讹 訝讶 訟讼
訣诀 訥讷 訪访 設设 許许 訴诉 訶诃 診诊 註注 詁诂 詆诋 詎讵 詐诈 詔诏 評评 詘诎 詛诅 詞词
詠咏 詡诩 詢询 詣诣 試试 詩诗 詫诧 詬诟 詭诡 詮诠 詰诘 話话 該该 詳详 詼诙 誄诔 誅诛 誆诓
誇夸 誌志 認认 誑诳 誒诶 誕诞 誘诱 誚诮 語语 誠诚 誡诫 誣诬 誤误 誥诰 誦诵 誨诲 說说 誰谁
課课 誶谇 誹诽 誼谊 調调 諂谄 諄谆 談谈 諉诿 請请 諍诤 諏诹 諑诼 諒谅 論论 諗谂 諛谀 諜谍
諞谝 諢诨 諤谔 諦谛 諧谐 諫谏 諭谕 諮谘 諱讳 諳谙 諶谌 諷讽 諸诸 諺谚 諾诺 謀谋 謁谒 謂谓
謄誊 謅诌 謊谎 謎谜 謐谧 謔谑 謖谡 謗谤 謙谦 謚谥 講讲 謝谢 謠谣 謨谟 謫谪 謬谬 謳讴 謹谨
謾谩 證证 譎谲 譏讥 識识 譙谯 譚谭 譜谱 譫谵 譯译 議议 譴谴 護护 譽誉 讀读 變变 讎仇 讒谗
讓让 讕谰 讖谶 讚赞 讜谠 讞谳 豈岂 豎竖 豐丰 豔艳 豬猪 貓猫 貝贝 貞贞 負负 財财 貢贡 貧贫
貨货 販贩 貪贪 貫贯 責责 貯贮 貰贳 貲赀 貳贰 貴贵 貶贬 買买 貸贷 貺贶 費费 貼贴 貽贻 貿贸
賀贺 賁贲 賂赂 賃赁 賄贿 賅赅 資资 賈贾 賊贼 賑赈 賒赊 賓宾 賕赇 賙赒 賚赉 賜赐 賞赏 賠赔
賡赓 賢贤 賣卖 賤贱 賦赋 賧赕 質质 賬账 賭赌 賴赖 賺赚 賻赙 購购 賽赛 賾赜 贄贽 贅赘 贈赠
贊赞 贍赡 贏赢 贐赆 贓赃 贖赎 贗赝 贛赣 趕赶 趙赵 趨趋 趲趱 跡迹 踐践 踴踊 蹌跄 蹕跸 蹣蹒
蹤踪 蹺跷 躂跶 躉趸 躊踌 躋跻 躍跃 躑踯 躒跞 躓踬 躕蹰 躚跹 躡蹑 躥蹿 躦躜 躪躏 軀躯 車车
軋轧 軌轨 軍军 軒轩 軔轫 軟软 軸轴 軻轲 軼轶 軾轼 較较 輅辂 載载 輊轾 輒辄 輔辅 輕轻 輛辆
輜辎 輝辉 輞辋 輟辍 輥辊 輦辇 輩辈 輪轮 輯辑 輸输 輻辐 輾辗 輿舆 轀辒 轂毂 轄辖 轅辕 轆辘
轉转 轍辙 轎轿 轔辚 轟轰 轡辔 轢轹 轤轳 辦办 辭辞 辮辫 辯辩 農农 迴回 這这 連连 週周 進进
遊游 運运 過过 達达 違违 遙遥 遜逊 遞递 遠远 適适 遲迟 遷迁 選选 遺遗 遼辽 邁迈 還还 邇迩
邊边 邏逻 邐逦 郟郏 郵邮 鄆郓 鄉乡 鄒邹 鄔邬 鄖郧 鄧邓 鄭郑 鄰邻 鄲郸 鄴邺 鄺邝 酈郦 醃腌
醜丑 醞酝 醫医 醬酱 釀酿 釁衅 釋释 釐厘 針针 釘钉 釣钓 釵钗 鈍钝 鈔钞 鈣钙 鈞钧 鈴铃 鉀钾
鉛铅 鉤钩 鉸铰 銀银 銅铜 銘铭 銜衔 銳锐 銷销 鋁铝 鋒锋 鋤锄 鋪铺 鋼钢 錄录 錐锥 錘锤 錢钱
錦锦 錨锚 錫锡 錯错 鍋锅 鍍镀 鍵键 鍾钟 鎊镑 鎖锁 鎮镇 鏈链 鏟铲 鏡镜 鐘钟 鐵铁 鑄铸 鑑鉴
鑒鉴 鑰钥 鑲镶 鑽钻 長长 門门 閂闩 閃闪 閉闭 開开 閏闰 閑闲 閒闲 間间 閘闸 閡阂 閣阁 閥阀
閨闺 閩闽 閱阅 閻阎 闆板 闊阔 闌阑 闐阗 闔阖 闖闯 關关 闡阐 闢辟 闥闼 陘陉 陝陕 陣阵 陰阴
陳陈 陸陆 陽阳 隊队 階阶 隕陨 際际 隨随 險险 隱隐 隴陇 隸隶 隻只 雋隽 雖虽 雙双 雛雏 雜杂
雞鸡 離离 難难 雲云 電电 霧雾 霽霁 靂雳 靄霭 靈灵 靚靓 靜静 靦腼 韃鞑 韁缰 韋韦 韌韧 韓韩
韙韪 韜韬 韻韵 響响 頁页 頂顶 頃顷 項项 順顺 須须 頌颂 預预 頑顽 頒颁 頓顿 頗颇 領领 頜颌
頡颉 頤颐 頭头 頰颊 頸颈 頹颓 頻频 顆颗 題题 額额 顏颜 顎颚 顓颛 願愿 顛颠 類类 顧顾 顫颤
顯显 顰颦 顱颅 風风 颯飒 颱台 颳刮 颶飓 飄飘 飆飙 飛飞 飢饥 飩饨 飪饪 飯饭 飲饮 飴饴 飼饲
飽饱 飾饰 餃饺 餅饼 餉饷 養养 餌饵 餑饽 餓饿 餘余 餚肴 餛馄 餞饯 餡馅 館馆 餵喂 餾馏 饅馒
饋馈 饑饥 饒饶 饗飨 饜餍 饞馋 馬马 馭驭 馮冯 馱驮 馳驰 馴驯 駁驳 駐驻 駑驽 駒驹 駕驾 駙驸
駛驶 駝驼 駭骇 駱骆 駿骏 騁骋 騎骑 騖骛 騙骗 騫骞 騰腾 騷骚 驁骜 驃骠 驅驱 驕骄 驗验 驚惊
驛驿 驟骤 驢驴 驥骥 驪骊 骯肮 髏髅 髒脏 體体 髮发 鬆松 鬍胡 鬚须 鬢鬓 鬥斗 鬧闹 鬨哄 鬱郁
魘魇 魚鱼 魯鲁 鮑鲍 鮮鲜 鯉鲤 鯨鲸 鰍鳅 鱗鳞 鳥鸟 鳳凤 鳴鸣 鴉鸦 鴨鸭 鴻鸿 鴿鸽 鵝鹅 鵬鹏
鶴鹤 鷹鹰 鸚鹦 鹵卤 鹹咸 鹼碱 鹽盐 麗丽 麥麦 麩麸 麵面 麼么 黃黄 黌黉 點点 黨党 黷黩 黽黾
鼇鳌 鼴鼹 齊齐 齋斋 齒齿 齡龄 齦龈 齪龊 龍龙 龐庞 龔龚 龕龛 龜龟 錶表 範范 鍊炼 鈕钮 佈布
";

fn table() -> &'static [(char, char)] {
    static T: OnceLock<Vec<(char, char)>> = OnceLock::new();
    T.get_or_init(|| {
        let chars: Vec<char> = PAIRS.chars().filter(|c| !c.is_whitespace()).collect();
        let mut v: Vec<(char, char)> = chars.chunks_exact(2).map(|p| (p[0], p[1])).collect();
        v.sort_unstable();
        v.dedup_by_key(|p| p.0);
        v
    })
}

/// The simplified form of one character, when the table knows it (else the character itself).
pub fn simplify_char(c: char) -> char {
    let Some(i) = (c as u32).checked_sub(FIRST).filter(|&i| i <= LAST - FIRST) else {
        return c;
    };
    let i = i as usize;
    // Most characters are simplified already: one bit says so, without a search.
    if mapped()
        .get(i / 64)
        .is_none_or(|w| (w >> (i % 64)) & 1 == 0)
    {
        return c;
    }
    let t = table();
    t.binary_search_by_key(&c, |p| p.0).map_or(c, |i| t[i].1)
}

/// The block of CJK Unified Ideographs the table covers (U+4E00–U+9FFF).
const FIRST: u32 = 0x4E00;
const LAST: u32 = 0x9FFF;

/// One bit per character of U+4E00–U+9FFF: whether the table maps it.
fn mapped() -> &'static [u64] {
    static M: OnceLock<Vec<u64>> = OnceLock::new();
    M.get_or_init(|| {
        let mut bits = vec![0u64; ((LAST - FIRST) / 64 + 1) as usize];
        for &(t, _) in table() {
            if let Some(i) = (t as u32).checked_sub(FIRST).filter(|&i| i <= LAST - FIRST) {
                let i = i as usize;
                if let Some(w) = bits.get_mut(i / 64) {
                    *w |= 1 << (i % 64);
                }
            }
        }
        bits
    })
}

/// Maps traditional characters to simplified where the table knows them; everything else is kept.
pub fn to_simplified(s: &str) -> String {
    s.chars().map(simplify_char).collect()
}

/// Whether the text contains a character the table maps (i.e. is written in traditional script).
pub fn has_traditional(s: &str) -> bool {
    s.chars().any(|c| simplify_char(c) != c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_well_formed() {
        let chars: Vec<char> = PAIRS.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(chars.len() % 2, 0, "odd number of characters in the table");
        let t = table();
        for (k, v) in t {
            assert_ne!(k, v, "identity pair {k}");
            assert!(
                ('\u{4E00}'..='\u{9FFF}').contains(k),
                "{k} outside the fast range"
            );
            // A simplified character must not itself be mapped (no chains).
            assert!(t.iter().all(|p| p.0 != *v), "{k}→{v} but {v} is also a key");
        }
    }

    #[test]
    fn the_bitmap_agrees_with_the_table_on_every_character() {
        let t = table();
        let mut mapped = 0;
        for c in ('\u{3000}'..='\u{A000}').chain(['a', '《', '\u{10000}']) {
            let searched = t.binary_search_by_key(&c, |p| p.0).map_or(c, |i| t[i].1);
            assert_eq!(simplify_char(c), searched, "{c}");
            mapped += usize::from(searched != c);
        }
        assert_eq!(mapped, t.len());
    }

    #[test]
    fn folds_catalogue_vocabulary() {
        assert_eq!(to_simplified("公開內容"), "公开内容");
        assert_eq!(to_simplified("公開依據"), "公开依据");
        assert_eq!(to_simplified("政府網站"), "政府网站");
        assert_eq!(to_simplified("鎮級"), "镇级");
        assert_eq!(to_simplified("全社會"), "全社会");
        assert_eq!(to_simplified("特定群眾"), "特定群众");
        assert_eq!(to_simplified("依申請公開"), "依申请公开");
        assert_eq!(to_simplified("3個工作日內"), "3个工作日内");
        assert_eq!(
            to_simplified("單位/村委會公示欄(電子屏)"),
            "单位/村委会公示栏(电子屏)"
        );
        assert_eq!(to_simplified("abc 123"), "abc 123");
        assert!(has_traditional("層級"));
        assert!(!has_traditional("层级"));
    }
}
