//! Fix-ups over the raw items of a table before they are built: a 一级事项 split over two rows
//! joined, cells of a merge that a CSV left blank carried down, 同上 resolved, ids made unique.

use super::marks::{GroupKind, group_kind, group_zh};
use super::{Raw, Reader, Seg, is_same_as_above};
use crate::codes;
use crate::import::grid::Grid;
use crate::import::header::{Layout, Role};
use crate::import::text::normalize_cell;
use crate::issue::Finding;
use std::borrow::Cow;
use std::collections::HashSet;

impl Reader {
    /// 城镇燃 / 气管理 on two rows (a merged 一级事项 flattened with its text split): joined when
    /// both fragments are short, stand on consecutive rows, and the two characters at the join
    /// occur together in the rows' 二级事项 or 公开内容 (燃气 in 燃气经营许可证核发).
    pub(super) fn join_split_categories(
        &mut self,
        grid: &Grid,
        raws: &mut [Raw<'_>],
        k: usize,
        base: usize,
    ) {
        let mut i = 0;
        while i + 1 < raws.len() {
            let (Some(a), Some(b)) = (raws[i].cols[k].first(), raws[i + 1].cols[k].first()) else {
                i += 1;
                continue;
            };
            let a_own = a.r == raws[i].row;
            let b_own = b.r == raws[i + 1].row;
            let at = normalize_cell(&a.text);
            let bt = normalize_cell(&b.text);
            let (na, nb) = (at.chars().count(), bt.chars().count());
            let first_in_group =
                i == 0 || raws[i - 1].cols[k].first().map(|s| (s.r, s.c)) != Some((a.r, a.c));
            let ok = a_own
                && b_own
                && at != bt
                && first_in_group
                && (2..=6).contains(&na)
                && (2..=6).contains(&nb)
                && !at.contains(['、', ',', '，', '/'])
                && {
                    let junction: String = at
                        .chars()
                        .last()
                        .into_iter()
                        .chain(bt.chars().next())
                        .collect();
                    let texts: Vec<String> = [i, i + 1]
                        .iter()
                        .flat_map(|&j| {
                            raws[j]
                                .cols
                                .iter()
                                .enumerate()
                                .filter(|(kk, _)| *kk != k)
                                .flat_map(|(_, segs)| segs.iter().map(|s| normalize_cell(&s.text)))
                                .collect::<Vec<_>>()
                        })
                        .collect();
                    texts.iter().any(|t| t.contains(&junction))
                };
            if !ok {
                i += 1;
                continue;
            }
            let joined = format!("{at}{bt}");
            let (pa, pb) = ((a.r, a.c), (b.r, b.c));
            for (j, raw) in raws.iter_mut().enumerate() {
                if let Some(s) = raw.cols[k].first_mut() {
                    if (s.r, s.c) == pa || (s.r, s.c) == pb {
                        s.text = Cow::Owned(joined.clone());
                        if (s.r, s.c) == (raw.row, s.c) {
                            self.findings.push(Finding::new(
                                codes::import::SPLIT_CELL_JOINED,
                                format!("/items/{}/category", base + j),
                                None,
                                &[
                                    ("first", at.clone()),
                                    ("second", bt.clone()),
                                    ("joined", joined.clone()),
                                    (
                                        "rows",
                                        format!(
                                            "{}、{}",
                                            grid.row_number(pa.0),
                                            grid.row_number(pb.0)
                                        ),
                                    ),
                                ],
                            ));
                        }
                    }
                }
            }
            i += 2;
        }
    }

    /// Cells of a merge that a CSV left blank (other formats write their merges): a row that has
    /// its own 序号 or 二级事项 (and ticks) but two or more of 公开内容, 公开依据, 公开时限,
    /// 公开主体, 公开渠道 blank stands under merged cells; each blank cell (and each tick group
    /// left wholly blank) takes the value of the item above in the same 一级事项, with an info
    /// finding naming the row the value stands on. A single blank cell in an otherwise complete
    /// row is missing data: it stays blank, and validation reports it.
    pub(super) fn carry_merged_blanks(
        &mut self,
        grid: &Grid,
        layout: &Layout,
        raws: &mut [Raw<'_>],
        cat_k: Option<usize>,
        base: usize,
    ) {
        let cols = &layout.columns;
        // The units carried: one column each for the text fields, the columns of a group
        // together (channel ticks, 公开对象, 公开方式, 公开层级).
        let text_roles = [
            Role::Content,
            Role::Basis,
            Role::TimeLimit,
            Role::Subject,
            Role::Channels,
        ];
        let mut texts: Vec<Vec<usize>> = text_roles
            .iter()
            .filter_map(|role| cols.iter().position(|c| c.role == *role))
            .map(|k| vec![k])
            .collect();
        let ticks: Vec<usize> = (0..cols.len())
            .filter(|&k| matches!(cols[k].role, Role::ChannelTick(_)))
            .collect();
        if !ticks.is_empty() {
            texts.push(ticks);
        }
        let groups: Vec<(GroupKind, Vec<usize>)> =
            [GroupKind::Audience, GroupKind::Method, GroupKind::Levels]
                .into_iter()
                .map(|g| {
                    let ks = (0..cols.len())
                        .filter(|&k| group_kind(&cols[k].role) == Some(g))
                        .collect::<Vec<_>>();
                    (g, ks)
                })
                .filter(|(_, ks)| !ks.is_empty())
                .collect();
        let blank = |raw: &Raw<'_>, ks: &[usize]| ks.iter().all(|&k| raw.cols[k].is_empty());
        let category = |raw: &Raw<'_>| {
            cat_k
                .and_then(|k| raw.cols[k].first())
                .map(|s| normalize_cell(&s.text))
        };
        for j in 1..raws.len() {
            if category(&raws[j]) != category(&raws[j - 1]) {
                continue;
            }
            let blanks = texts.iter().filter(|ks| blank(&raws[j], ks)).count();
            if blanks < 2 {
                continue;
            }
            let units = texts
                .iter()
                .map(|ks| (None, ks.as_slice()))
                .chain(groups.iter().map(|(g, ks)| (Some(*g), ks.as_slice())));
            for (g, ks) in units {
                if !blank(&raws[j], ks) || blank(&raws[j - 1], ks) {
                    continue;
                }
                let (head, rest) = raws.split_at_mut(j);
                let (prev, raw) = (&head[j - 1], &mut rest[0]);
                let mut from: Option<usize> = None;
                let mut value: Vec<String> = Vec::new();
                for &k in ks {
                    raw.cols[k] = prev.cols[k].clone();
                    for seg in &prev.cols[k] {
                        from = Some(from.map_or(seg.r, |f| f.min(seg.r)));
                        value.push(normalize_cell(&seg.text));
                    }
                }
                let col = &cols[ks[0]];
                let (field, field_zh) = match g {
                    Some(g) => (col.role.field(), group_zh(g).to_owned()),
                    None if ks.len() > 1 => ("channels", "公开渠道和载体".to_owned()),
                    None => (col.role.field(), col.display().to_owned()),
                };
                self.findings.push(Finding::new(
                    codes::import::CARRIED_DOWN,
                    format!("/items/{}/{field}", base + j),
                    None,
                    &[
                        ("field", field_zh),
                        ("value", crate::excerpt(&value.join(" "), 60)),
                        (
                            "from_row",
                            grid.row_number(from.unwrap_or(prev.row)).to_string(),
                        ),
                    ],
                ));
            }
        }
    }

    pub(super) fn resolve_same_as_above(
        &mut self,
        grid: &Grid,
        layout: &Layout,
        raws: &mut [Raw<'_>],
        base: usize,
    ) {
        for j in 0..raws.len() {
            for k in 0..layout.columns.len() {
                let Some(first) = raws[j].cols[k].first() else {
                    continue;
                };
                if !is_same_as_above(&first.text) {
                    continue;
                }
                let col = &layout.columns[k];
                let field = match col.role.field() {
                    "" => col.display().to_owned(),
                    f => f.to_owned(),
                };
                let field_zh = match crate::model::field_title(col.role.field()) {
                    Some(z) if !col.role.field().is_empty() => z.to_owned(),
                    _ => col.display().to_owned(),
                };
                let path = format!(
                    "/items/{}/{}",
                    base + j,
                    crate::json::escape_pointer_token(&field)
                );
                if j == 0 {
                    self.findings.push(Finding::new(
                        codes::import::SAME_AS_ABOVE_UNRESOLVED,
                        path,
                        None,
                        &[("field", field_zh)],
                    ));
                    continue;
                }
                let prev = raws[j - 1].cols[k].clone();
                let from_row = grid.row_number(raws[j - 1].row);
                let value: String = prev
                    .iter()
                    .map(|s| normalize_cell(&s.text))
                    .collect::<Vec<_>>()
                    .join(" ");
                self.findings.push(Finding::new(
                    codes::import::SAME_AS_ABOVE,
                    path,
                    None,
                    &[
                        ("field", field_zh),
                        ("from_row", from_row.to_string()),
                        ("value", crate::excerpt(&value, 60)),
                    ],
                ));
                let keep_loc = raws[j].cols[k][0].clone();
                raws[j].same_as_above[k] = true;
                // The values come from above; the location stays on this row's cell.
                raws[j].cols[k] = prev
                    .into_iter()
                    .map(|s| Seg {
                        text: s.text,
                        r: keep_loc.r,
                        c: keep_loc.c,
                    })
                    .collect();
            }
        }
    }

    pub(super) fn make_ids(
        &mut self,
        grid: &Grid,
        layout: &Layout,
        raws: &[Raw],
        id_k: Option<usize>,
        base: usize,
    ) -> Vec<String> {
        let mut out = Vec::with_capacity(raws.len());
        let mut last_own: Option<String> = None;
        let mut counter = 1usize;
        let mut local: HashSet<String> = HashSet::new();
        for (j, raw) in raws.iter().enumerate() {
            let own = id_k
                .filter(|_| raw.own_id)
                .and_then(|k| raw.cols[k].first())
                .map(|s| normalize_cell(&s.text))
                .filter(|s| !s.is_empty());
            let mut id = match own {
                Some(id) => {
                    last_own = Some(id.clone());
                    counter = 1;
                    id
                }
                None => {
                    let generated = loop {
                        counter += 1;
                        let cand = match &last_own {
                            Some(b) => format!("{b}-{counter}"),
                            None => (base + j + counter - 1).to_string(),
                        };
                        if !local.contains(&cand) && !self.ids.contains(&cand) {
                            break cand;
                        }
                        if counter > raws.len() + 10 {
                            break format!("{}-{}", self.table_no, base + j + 1);
                        }
                    };
                    if id_k.is_some() {
                        self.findings.push(Finding::new(
                            codes::import::ID_GENERATED,
                            format!("/items/{}/id", base + j),
                            None,
                            &[
                                ("id", generated.clone()),
                                ("row", grid.row_number(raw.row).to_string()),
                            ],
                        ));
                    }
                    generated
                }
            };
            if self.ids.contains(&id) {
                let renamed = format!("{}-{id}", self.table_no);
                self.findings.push(Finding::new(
                    codes::import::ID_RENAMED,
                    format!("/items/{}/id", base + j),
                    None,
                    &[
                        ("id", id.clone()),
                        ("new_id", renamed.clone()),
                        ("table", grid.sheet.clone().unwrap_or_default()),
                    ],
                ));
                id = renamed;
            }
            local.insert(id.clone());
            out.push(id);
        }
        let _ = layout;
        self.ids.extend(local);
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::import::{ImportOptions, Imported, import_csv};

    const HEAD: &str =
        "序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,全社会,主动,县级\n";

    fn read(rows: &str) -> Imported {
        let csv = format!("{HEAD}{rows}");
        import_csv(csv.as_bytes(), &ImportOptions::default().title("某县目录")).unwrap()
    }

    fn carried(imp: &Imported) -> Vec<String> {
        imp.findings
            .iter()
            .filter(|f| f.code == "import.carried_down")
            .map(|f| f.path.clone())
            .collect()
    }

    #[test]
    fn a_row_under_merged_cells_takes_them_by_role_and_group() {
        let imp = read(
            "1,燃气,许可,条件,《条例》,20个工作日,城管局,■政府网站,√,√,√\n\
             2,,变更,,,,,,√,√,√\n\
             3,,注销,条件二,,,,,,,\n",
        );
        let items = &imp.catalogue.items;
        assert_eq!(items[1].content[0].as_str(), "条件");
        assert_eq!(items[1].subject.as_str(), "城管局");
        assert_eq!(items[1].time_limit.days, Some(20));
        // Own 公开内容 kept; the four blank text cells and the three blank tick groups carried.
        assert_eq!(items[2].content[0].as_str(), "条件二");
        assert_eq!(items[2].basis[0].title.as_str(), "条例");
        assert_eq!(items[2].levels.len(), 1);
        let paths = carried(&imp);
        assert_eq!(paths.len(), 5 + 4 + 3, "{paths:?}");
        assert!(paths.contains(&"/items/2/audience".to_owned()));
        assert!(!paths.contains(&"/items/2/content".to_owned()));
        // The finding names the row the value stands on (the CSV's row 2).
        let f = imp
            .findings
            .iter()
            .find(|f| f.path == "/items/2/basis")
            .unwrap();
        assert_eq!(f.params.get("from_row").map(String::as_str), Some("2"));
    }

    #[test]
    fn a_single_blank_cell_or_a_new_group_is_not_carried() {
        let imp = read(
            "1,燃气,许可,条件,《条例》,20个工作日,城管局,■政府网站,√,√,√\n\
             2,,变更,条件,《条例》,20个工作日,,■政府网站,√,√,√\n\
             3,市容,审批,,,,,,√,√,√\n",
        );
        assert!(carried(&imp).is_empty(), "{:?}", carried(&imp));
        assert!(imp.catalogue.items[1].subject.is_empty());
        assert!(imp.catalogue.items[2].content.is_empty());
    }
}
