//! 公开主体: template placeholders never localised, enterprises as subjects, and the 公开层级
//! that the subject implies (条例第十条: the organ that makes the information discloses it).

use super::lexicon::{Facts, flag, organs, scan};
use super::{Ctx, Env};
use crate::codes;
use crate::model::{Catalogue, Channel, Item, Level};

/// The county named in the region (to recognise "淄川区…局" as a county organ).
pub(crate) fn county<'c>(cat: &'c Catalogue<'_>, header_ok: bool) -> Option<&'c str> {
    if !header_ok {
        return None;
    }
    cat.region
        .as_ref()
        .map(|r| r.county.trim())
        .filter(|c| c.chars().count() >= 2)
}

const LOWER_CHANNELS: &[Channel] = &[
    Channel::ServiceStation,
    Channel::NoticeBoard,
    Channel::DoorToDoor,
];

/// Runs the subject rules on item `i`.
pub(crate) fn check_item(i: usize, item: &Item<'_>, f: &Facts, env: &Env<'_>, ctx: &mut Ctx) {
    let county = env.county;
    if super::lexicon::is_blank(&item.subject) {
        return;
    }
    let value = || ("value", item.subject.to_string());
    if f.subject & flag::FILL_IN != 0 {
        ctx.push_item(
            codes::subject::FILL_IN_MARKER,
            i,
            item,
            "/subject",
            &[value()],
        );
    } else if f.subject & flag::GENERIC_ORGAN != 0 {
        ctx.push_item(
            codes::subject::NOT_LOCALISED,
            i,
            item,
            "/subject",
            &[value()],
        );
    }
    if f.subject & flag::COMPANY != 0 {
        ctx.push_item(
            codes::subject::UTILITY_ENTERPRISE,
            i,
            item,
            "/subject",
            &[value()],
        );
    }
    if item.levels.is_empty() {
        return;
    }
    let names_county =
        f.subject & flag::COUNTY != 0 || county.is_some_and(|c| item.subject.contains(c));
    if names_county && !item.levels.contains(&Level::County) {
        let lower = flag::TOWNSHIP | flag::VILLAGE;
        let county_organ = if f.subject & lower == 0 {
            true
        } else {
            // "武陟县木城街道办事处" is a township organ; "武陟县城市管理局、各乡镇人民政府" names both.
            organs(&item.subject).any(|p| {
                (p.contains('县') || county.is_some_and(|c| p.contains(c))) && scan(p) & lower == 0
            })
        };
        if county_organ {
            ctx.push_item(
                codes::subject::COUNTY_LEVEL_MISSING,
                i,
                item,
                "/levels",
                &[value()],
            );
        }
    }
    let lower_channel = item.channels.iter().any(|c| LOWER_CHANNELS.contains(c));
    for (level, bits) in [
        (Level::Township, flag::TOWNSHIP),
        (Level::Village, flag::VILLAGE),
    ] {
        if item.levels.contains(&level) && f.subject & bits == 0 && !lower_channel {
            ctx.push_item(
                codes::subject::LOWER_LEVEL_UNSUPPORTED,
                i,
                item,
                "/levels",
                &[
                    ("level", level.zh().to_owned()),
                    ("level_en", level.en().to_owned()),
                ],
            );
        }
    }
}
