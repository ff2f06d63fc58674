// Chinese typography: next to a Chinese character, punctuation is full-width (，：；！？（）);
// code and quoted English keep theirs. Tests of the dictionaries and of lesson titles share it.
const HALF_WIDTH_BESIDE_CHINESE = /[\u4e00-\u9fff][,:;!?()]|[,:;!?()][\u4e00-\u9fff]/;

export function halfWidthBesideChinese(text: string): boolean {
  return HALF_WIDTH_BESIDE_CHINESE.test(text);
}
