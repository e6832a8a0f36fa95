//! The anonymous person's token: the only key to their booking.
//!
//! 17 random Crockford base32 symbols (85 bits from the OS CSPRNG) plus one check symbol
//! (Luhn mod 32, in the same alphabet, so it is typed like the rest), shown in six groups of
//! three that can be read aloud: `7KQ-FM2-XD9-TZP-HW4-R5A`. Parsing is case-insensitive, ignores
//! spaces and dashes, and folds O to 0 and I/L to 1, as Crockford prescribes.

use serde::{Deserialize, Serialize};

/// Crockford's alphabet: no I, L, O or U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const DATA_SYMBOLS: usize = 17;
pub const SYMBOLS: usize = DATA_SYMBOLS + 1;
/// Entropy of a token in bits (5 per random symbol).
pub const BITS: usize = DATA_SYMBOLS * 5;

/// A well-formed token in canonical form (18 upper-case symbols, no separators).
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print a token, not even in a debug log.
        f.write_str("Token(…)")
    }
}

/// Why a typed token was refused. These reveal nothing about any booking: they are about the
/// shape of what was typed. `text::booking::token_error` says them in Danish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenError {
    Empty,
    WrongLength,
    InvalidSymbol,
    CheckFailed,
}


fn value_of(symbol: char) -> Option<u32> {
    let folded = match symbol.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET.iter().position(|&a| a as char == folded).map(|p| p as u32)
}

/// Luhn mod N (N = 32) check symbol over the data symbols' values.
fn check_value(values: &[u32]) -> u32 {
    let n = 32;
    let mut factor = 2;
    let mut sum = 0;
    for &v in values.iter().rev() {
        let addend = factor * v;
        sum += addend / n + addend % n;
        factor = if factor == 2 { 1 } else { 2 };
    }
    (n - sum % n) % n
}

impl Token {
    /// A new random token from the operating system's CSPRNG.
    #[cfg(feature = "ssr")]
    pub fn generate() -> Token {
        use rand::TryRngCore;
        let mut bytes = [0u8; DATA_SYMBOLS];
        rand::rngs::OsRng.try_fill_bytes(&mut bytes).expect("the OS random source is available");
        // 256 is a multiple of 32, so `b % 32` is uniform.
        let values: Vec<u32> = bytes.iter().map(|b| u32::from(*b) % 32).collect();
        Token::from_values(&values)
    }

    fn from_values(values: &[u32]) -> Token {
        let mut s: String = values.iter().map(|&v| ALPHABET[v as usize] as char).collect();
        s.push(ALPHABET[check_value(values) as usize] as char);
        Token(s)
    }

    /// Reads what a person typed.
    pub fn parse(input: &str) -> Result<Token, TokenError> {
        let symbols: Vec<char> = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        if symbols.is_empty() {
            return Err(TokenError::Empty);
        }
        let values: Option<Vec<u32>> = symbols.iter().map(|&c| value_of(c)).collect();
        if symbols.len() != SYMBOLS {
            // A wrong symbol is the more useful message when both are wrong only if the length
            // is right; otherwise tell about the length first.
            return Err(TokenError::WrongLength);
        }
        let values = values.ok_or(TokenError::InvalidSymbol)?;
        let (data, check) = values.split_at(DATA_SYMBOLS);
        if check_value(data) != check[0] {
            return Err(TokenError::CheckFailed);
        }
        Ok(Token::from_values(data))
    }

    /// The canonical form that is hashed: 18 upper-case symbols.
    pub fn canonical(&self) -> &str {
        &self.0
    }

    /// Groups of three for reading, writing down and typing.
    pub fn grouped(&self) -> String {
        self.0.as_bytes().chunks(3).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Token {
        Token::from_values(&[7, 19, 23, 15, 21, 2, 29, 13, 9, 26, 31, 22, 17, 28, 4, 27, 5])
    }

    #[test]
    fn a_token_has_at_least_80_bits() {
        assert!(BITS >= 80);
        assert_eq!(BITS, 85);
    }

    #[test]
    fn grouped_form_round_trips() {
        let t = sample();
        let g = t.grouped();
        assert_eq!(g.len(), 18 + 5);
        assert_eq!(g.split('-').count(), 6);
        assert_eq!(Token::parse(&g).unwrap(), t);
    }

    #[test]
    fn parsing_ignores_case_spaces_dashes_and_folds_look_alikes() {
        let t = sample();
        let typed = t.grouped().to_lowercase().replace('-', " ");
        assert_eq!(Token::parse(&typed).unwrap(), t);
        let with_zero = Token::from_values(&[0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
        let c = with_zero.canonical();
        let sloppy: String = c[..17].replace('0', "o").replacen('1', "I", 3).replace('1', "l") + &c[17..];
        assert_eq!(Token::parse(&sloppy).unwrap(), with_zero);
    }

    #[test]
    fn every_single_symbol_error_is_caught_by_the_check() {
        let t = sample();
        let canon: Vec<char> = t.canonical().chars().collect();
        for i in 0..SYMBOLS {
            for &a in ALPHABET.iter() {
                let a = a as char;
                if a == canon[i] {
                    continue;
                }
                let mut typo = canon.clone();
                typo[i] = a;
                let typo: String = typo.into_iter().collect();
                assert_eq!(Token::parse(&typo), Err(TokenError::CheckFailed), "{typo}");
            }
        }
    }

    #[test]
    fn adjacent_swaps_of_data_symbols_are_caught() {
        let canon: Vec<char> = sample().canonical().chars().collect();
        for i in 0..DATA_SYMBOLS - 1 {
            if canon[i] == canon[i + 1] {
                continue;
            }
            let mut swapped = canon.clone();
            swapped.swap(i, i + 1);
            let s: String = swapped.into_iter().collect();
            // Luhn mod N misses only the swap of the two values whose doubled sums coincide.
            let caught = Token::parse(&s).is_err();
            let a = value_of(canon[i]).unwrap();
            let b = value_of(canon[i + 1]).unwrap();
            assert!(caught || (a as i64 - b as i64).abs() == 31, "swap at {i} not caught");
        }
    }

    #[test]
    fn malformed_input_gets_a_reason() {
        assert_eq!(Token::parse(""), Err(TokenError::Empty));
        assert_eq!(Token::parse("  - -"), Err(TokenError::Empty));
        assert_eq!(Token::parse("ABC"), Err(TokenError::WrongLength));
        assert_eq!(Token::parse(&"A".repeat(40)), Err(TokenError::WrongLength));
        assert_eq!(Token::parse("7KQ-FM2-XD9-TZP-HW4-R5U"), Err(TokenError::InvalidSymbol));
        assert_eq!(Token::parse("7KQ-FM2-XD9-TZP-HW4-R5Å"), Err(TokenError::InvalidSymbol));
    }

    #[test]
    fn debug_output_hides_the_token() {
        let t = sample();
        assert!(!format!("{t:?}").contains(&t.canonical()[..5]));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn generated_tokens_parse_and_differ() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..2000 {
            let t = Token::generate();
            assert_eq!(Token::parse(&t.grouped()).unwrap(), t);
            assert!(seen.insert(t.canonical().to_string()), "a repeated token");
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn generated_symbols_are_spread_over_the_alphabet() {
        let mut counts = [0u32; 32];
        for _ in 0..4000 {
            for c in Token::generate().canonical()[..DATA_SYMBOLS].chars() {
                counts[value_of(c).unwrap() as usize] += 1;
            }
        }
        // 68,000 symbols, 2,125 expected per symbol: a biased generator would stand out.
        for (i, &n) in counts.iter().enumerate() {
            assert!((1850..2400).contains(&n), "symbol {} seen {n} times", ALPHABET[i] as char);
        }
    }
}
