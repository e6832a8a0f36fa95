//! The Danish public holidays (helligdage) of any year, so that a site's booking calendar can
//! close on them every year without a list of dates someone must remember to extend.
//!
//! The days are those of the Danish church calendar that are public holidays: New Year's Day,
//! Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday,
//! Christmas Day and Boxing Day. Great Prayer Day (store bededag) was abolished from 2024 (lov
//! nr. 140 af 28. februar 2023), so it is not among them from 2024 on. Christmas Eve, New Year's
//! Eve and Constitution Day are not public holidays; a site that closes on them says so with
//! its yearly closed days (`slots::OpeningHours::closed_every_year`).

use chrono::{Datelike, Duration, NaiveDate};

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/
/// Butcher"): ten lines of arithmetic, checked below against the published dates.
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is in March or April")
}

/// The public holidays of `year` with their Danish names, in date order.
pub fn public_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let easter = easter_sunday(year);
    let from_easter = |days: i64, name| (easter + Duration::days(days), name);
    let fixed = |month, day, name| (NaiveDate::from_ymd_opt(year, month, day).expect("a real date"), name);
    let mut days = vec![
        fixed(1, 1, "Nytårsdag"),
        from_easter(-3, "Skærtorsdag"),
        from_easter(-2, "Langfredag"),
        from_easter(0, "Påskedag"),
        from_easter(1, "2. påskedag"),
        from_easter(39, "Kristi himmelfartsdag"),
        from_easter(49, "Pinsedag"),
        from_easter(50, "2. pinsedag"),
        fixed(12, 25, "Juledag"),
        fixed(12, 26, "2. juledag"),
    ];
    if year < 2024 {
        days.push(from_easter(26, "Store bededag"));
    }
    days.sort();
    days
}

/// The public holiday on `day`, if it is one.
pub fn public_holiday(day: NaiveDate) -> Option<&'static str> {
    public_holidays(day.year()).into_iter().find(|(d, _)| *d == day).map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_falls_on_the_published_dates() {
        for (y, m, day) in [(1961, 4, 2), (2000, 4, 23), (2008, 3, 23), (2011, 4, 24), (2019, 4, 21), (2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2038, 4, 25), (2285, 3, 22)] {
            assert_eq!(easter_sunday(y), d(y, m, day), "{y}");
        }
    }

    #[test]
    fn the_holidays_of_2027_are_the_danish_calendars() {
        let names: Vec<(NaiveDate, &str)> = public_holidays(2027);
        assert_eq!(
            names,
            vec![
                (d(2027, 1, 1), "Nytårsdag"),
                (d(2027, 3, 25), "Skærtorsdag"),
                (d(2027, 3, 26), "Langfredag"),
                (d(2027, 3, 28), "Påskedag"),
                (d(2027, 3, 29), "2. påskedag"),
                (d(2027, 5, 6), "Kristi himmelfartsdag"),
                (d(2027, 5, 16), "Pinsedag"),
                (d(2027, 5, 17), "2. pinsedag"),
                (d(2027, 12, 25), "Juledag"),
                (d(2027, 12, 26), "2. juledag"),
            ]
        );
    }

    #[test]
    fn great_prayer_day_is_a_holiday_only_before_2024() {
        assert_eq!(public_holiday(d(2023, 5, 5)), Some("Store bededag"));
        assert_eq!(public_holiday(d(2024, 4, 26)), None);
        assert_eq!(public_holidays(2023).len(), 11);
        assert_eq!(public_holidays(2031).len(), 10);
    }

    #[test]
    fn ordinary_days_and_christmas_eve_are_not_holidays() {
        assert_eq!(public_holiday(d(2026, 12, 24)), None);
        assert_eq!(public_holiday(d(2026, 6, 5)), None, "Constitution Day is not a public holiday");
        assert_eq!(public_holiday(d(2026, 12, 2)), None);
        assert_eq!(public_holiday(d(2030, 4, 22)), Some("2. påskedag"));
    }
}
