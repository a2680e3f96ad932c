//! Where a newer holiday schedule is looked for (by the command line and the Python package;
//! the library reads no file and no environment itself).
//!
//! In order, each adding or replacing the years it contains on top of the embedded table:
//!
//! 1. the per-user data file, [`user_file`]: `$XDG_DATA_HOME/gongkai/holidays.csv`, or
//!    `~/.local/share/gongkai/holidays.csv` when `XDG_DATA_HOME` is not set (on Windows
//!    `%APPDATA%\gongkai\holidays.csv`); skipped when it does not exist;
//! 2. the file named by the environment variable [`ENV_VAR`] (`GONGKAI_CALENDAR`), which must
//!    exist when set;
//! 3. the file given explicitly (`--calendar FILE`, Python `calendar=`).
//!
//! A later source wins for the years it contains.

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variable naming a holiday file.
pub const ENV_VAR: &str = "GONGKAI_CALENDAR";

/// The file name of the per-user holiday file, inside the `gongkai` data folder.
pub const USER_FILE_NAME: &str = "holidays.csv";

/// The per-user holiday file, from the environment as `var` reads it (pass
/// `|k| std::env::var_os(k)`): `$XDG_DATA_HOME/gongkai/holidays.csv` when `XDG_DATA_HOME` is
/// an absolute path, else `$HOME/.local/share/gongkai/holidays.csv`; on Windows
/// `%APPDATA%\gongkai\holidays.csv`. `None` when none of these variables is set.
pub fn user_file(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |k: &str| var(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let dir = if cfg!(windows) {
        set("APPDATA")
    } else {
        set("XDG_DATA_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| set("HOME").map(|h| h.join(".local").join("share")))
    }?;
    Some(dir.join("gongkai").join(USER_FILE_NAME))
}

/// The file named by `GONGKAI_CALENDAR`, when set and not empty.
pub fn env_file(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    var(ENV_VAR).filter(|v| !v.is_empty()).map(PathBuf::from)
}

#[cfg(all(test, not(windows)))]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let m: HashMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
            .collect();
        move |k| m.get(k).cloned()
    }

    #[test]
    fn user_file_follows_xdg_then_home() {
        let p = user_file(env(&[("XDG_DATA_HOME", "/data"), ("HOME", "/home/a")]));
        assert_eq!(p, Some(PathBuf::from("/data/gongkai/holidays.csv")));
        // A relative XDG_DATA_HOME is ignored, as the XDG specification says.
        let p = user_file(env(&[("XDG_DATA_HOME", "rel"), ("HOME", "/home/a")]));
        assert_eq!(
            p,
            Some(PathBuf::from("/home/a/.local/share/gongkai/holidays.csv"))
        );
        let p = user_file(env(&[("XDG_DATA_HOME", ""), ("HOME", "/home/a")]));
        assert_eq!(
            p,
            Some(PathBuf::from("/home/a/.local/share/gongkai/holidays.csv"))
        );
        assert_eq!(user_file(env(&[])), None);
        assert_eq!(env_file(env(&[("GONGKAI_CALENDAR", "")])), None);
        assert_eq!(
            env_file(env(&[("GONGKAI_CALENDAR", "x.csv")])),
            Some(PathBuf::from("x.csv"))
        );
    }
}
