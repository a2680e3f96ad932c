//! Fix-ups over the raw items of a table before they are built: a 一级事项 split over two rows
//! joined, 同上 resolved, ids made unique.

use super::{Raw, Reader, Seg, is_same_as_above};
use crate::codes;
use crate::import::grid::Grid;
use crate::import::header::Layout;
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
