use calamine::{Reader, Xlsx};
use std::io::{Cursor, Read};
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    for _ in 0..5 {
        let t = Instant::now();
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let mut total = 0;
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            total += v.len();
        }
        let t1 = t.elapsed();
        let t = Instant::now();
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
        let t1b = t.elapsed();
        wb.load_merged_regions().unwrap();
        let mut n = 0;
        {
            let mut r = wb.worksheet_cells_reader("市政服务").unwrap();
            while let Some(c) = r.next_cell().unwrap() {
                n += c.get_position().0 as usize & 1;
            }
        }
        let t2 = t.elapsed();
        let t = Instant::now();
        let cat = gongkai::import::import_xlsx(&bytes, &Default::default()).unwrap();
        let t3 = t.elapsed();
        let t = Instant::now();
        let v = gongkai::Validator::default();
        let rep = v.validate_bytes(&bytes, Some(&path)).unwrap();
        let t4 = t.elapsed();
        eprintln!(
            "inflate {total} {t1:?} | calamine open {t1b:?} cells {n} {t2:?} | import {:?} | import+validate {:?} ({} issues)",
            t3,
            t4,
            rep.issues.len()
        );
        drop(cat);
    }
}
