import { describe, expect, it } from "vitest";
import { breakableParts } from "./line-breaks";

const breaks = (word: string) => breakableParts(word).filter((part) => part !== "");

describe("breakableParts", () => {
  it("leaves words without wide characters whole", () => {
    expect(breakableParts("Widerrufsrecht")).toEqual(["Widerrufsrecht"]);
    expect(breakableParts("الانسحاب")).toEqual(["الانسحاب"]);
    expect(breakableParts("")).toEqual([""]);
  });

  it("breaks between ideographs and kana, marking each break with an empty part", () => {
    expect(breakableParts("契約を結ぶ")).toEqual(["契", "", "約", "", "を", "", "結", "", "ぶ"]);
    expect(breaks("撤回权")).toEqual(["撤", "回", "权"]);
  });

  it("keeps closing punctuation and small kana with the character before, opening punctuation with the one after", () => {
    expect(breaks("受け取った日。")).toEqual(["受", "け", "取っ", "た", "日。"]);
    expect(breaks("（指令")).toEqual(["（指", "令"]);
    expect(breaks("コンテンツ、")).toEqual(["コ", "ン", "テ", "ン", "ツ、"]);
  });

  it("keeps Latin and digit runs whole between wide characters", () => {
    expect(breaks("14日以内")).toEqual(["14", "日", "以", "内"]);
    expect(breaks("第2011/83/EU号")).toEqual(["第", "2011/83/EU", "号"]);
  });

  it("loses no character", () => {
    const text = "お客様は、事業者である販売者との契約を、理由を示すことなく14日以内に撤回する権利を有します（指令";
    expect(breakableParts(text).join("")).toBe(text);
  });
});
