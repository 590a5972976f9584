/**
 * Folds Vietnamese text for search: lower case, no tone marks or vowel hats, đ → d,
 * collapsed whitespace. "Nguyễn Văn Ánh" and "nguyen van anh" fold to the same string.
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
