// Reads an amount of đồng aloud in Vietnamese ("Một trăm linh năm đồng"), as printed on receipts under the figures.

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;

function digit(n: number): string {
  const word = DIGITS[n];
  if (word === undefined) throw new RangeError(`not a digit: ${n}`);
  return word;
}

/**
 * Reads 1..999. `full` means a higher group has already been read, so the hundreds must be spoken even when zero
 * ("hai nghìn không trăm linh bốn") — otherwise the listener cannot tell 2 004 from 2 400.
 */
function readTriple(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  const spokeHundreds = hundreds > 0 || full;
  if (spokeHundreds) words.push(digit(hundreds), "trăm");
  if (tens === 0) {
    if (units > 0) {
      // "linh" marks the empty tens place after spoken hundreds (Northern usage, as on state forms; the South says "lẻ").
      if (spokeHundreds) words.push("linh");
      words.push(digit(units));
    }
  } else if (tens === 1) {
    words.push("mười");
    // 5 after a tens word is "lăm" so it is not heard as a separate "năm" (year/five).
    if (units === 5) words.push("lăm");
    else if (units > 0) words.push(digit(units));
  } else {
    words.push(digit(tens), "mươi");
    // After "mươi", 1 is "mốt" and 5 is "lăm"; 4 stays "bốn" (the written form; "tư" is colloquial).
    if (units === 1) words.push("mốt");
    else if (units === 5) words.push("lăm");
    else if (units > 0) words.push(digit(units));
  }
  return words;
}

/** Reads 1..999 999 999; zero groups are skipped, which is how "một triệu" and "một tỷ không trăm linh một" are said. */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups: [number, string][] = [
    [Math.floor(n / 1_000_000), "triệu"],
    [Math.floor(n / 1_000) % 1_000, "nghìn"],
    [n % 1_000, ""],
  ];
  const words: string[] = [];
  let higher = full;
  for (const [value, unit] of groups) {
    if (value === 0) continue;
    words.push(...readTriple(value, higher));
    if (unit) words.push(unit);
    higher = true;
  }
  return words;
}

/** Vietnamese stacks "tỷ" for larger amounts ("một nghìn tỷ"), so the part above a billion is read recursively. */
function read(n: number, full: boolean): string[] {
  if (n < 1_000_000_000) return readBelowBillion(n, full);
  const high = Math.floor(n / 1_000_000_000);
  const low = n % 1_000_000_000;
  const words = [...read(high, full), "tỷ"];
  if (low > 0) words.push(...readBelowBillion(low, true));
  return words;
}

/** Vietnamese reading of a non-negative whole amount of đồng, capitalised, ending in "đồng". */
export function amountInWords(dong: number): string {
  // Amounts are integers of đồng; anything else is a caller bug that must not be printed on a receipt.
  if (!Number.isSafeInteger(dong) || dong < 0) throw new RangeError(`amount must be a non-negative safe integer: ${dong}`);
  const words = dong === 0 ? ["không"] : read(dong, false);
  const text = `${words.join(" ")} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
