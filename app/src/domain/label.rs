//! The booking's label: short, not secret, said at the desk or on the phone ("blå måge 42").
//! Staff see the label, never the token (the pattern of SecureDrop's journalist designations).

const COLOURS: [&str; 10] = ["blå", "grøn", "gul", "rød", "hvid", "sort", "grå", "brun", "lilla", "orange"];
const ANIMALS: [&str; 20] = [
    "måge", "sæl", "ræv", "hare", "ugle", "and", "svane", "egern", "hjort", "bæver", "odder", "lærke", "stær",
    "krage", "mus", "los", "ulv", "falk", "frø", "hval",
];

/// How many distinct labels exist (10 × 20 × 90).
pub const SPACE: usize = COLOURS.len() * ANIMALS.len() * 90;

/// The label for a number in `0..SPACE`. The store draws the number at random and retries on a
/// clash with a live booking's label.
pub fn label(n: usize) -> String {
    let n = n % SPACE;
    let number = 10 + n % 90;
    let animal = ANIMALS[(n / 90) % ANIMALS.len()];
    let colour = COLOURS[n / 90 / ANIMALS.len()];
    format!("{colour} {animal} {number}")
}

#[cfg(feature = "ssr")]
pub fn random_label() -> String {
    label(rand::random_range(0..SPACE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_gives_a_distinct_label() {
        let all: std::collections::HashSet<String> = (0..SPACE).map(label).collect();
        assert_eq!(all.len(), SPACE);
    }

    #[test]
    fn labels_are_short_danish_words_and_a_two_digit_number() {
        for n in [0, 1, 89, 90, SPACE - 1] {
            let l = label(n);
            let parts: Vec<&str> = l.split(' ').collect();
            assert_eq!(parts.len(), 3, "{l}");
            assert!(parts[2].len() == 2 && parts[2].parse::<u8>().unwrap() >= 10, "{l}");
            assert!(l.chars().count() <= 20, "{l}");
        }
        assert_eq!(label(0), "blå måge 10");
    }
}
