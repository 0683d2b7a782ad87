import { describe, expect, it } from "vitest";
import { minimumStudyDays, pickAssignedItems, type AssignedNewItem } from "./assignment-pace";

/** `facts` facts with `kinds` items each, every item due in `daysLeft` days. */
function set(facts: number, kinds: number, daysLeft: number | null): AssignedNewItem[] {
  const items: AssignedNewItem[] = [];
  for (let k = 0; k < kinds; k += 1)
    for (let f = 0; f < facts; f += 1)
      items.push({ itemId: `f${f}k${k}`, siblingKeys: [`fact:f${f}`], position: k * facts + f, priority: 1, daysLeft });
  return items;
}
const ids = (items: AssignedNewItem[]) => items.map((i) => i.itemId);

describe("pickAssignedItems", () => {
  it("introduces one sibling a day when the due date leaves enough days", () => {
    expect(ids(pickAssignedItems(set(4, 4, 7), 20, new Map()))).toEqual(["f0k0", "f1k0", "f2k0", "f3k0"]);
  });

  it("spreads siblings over the days left when there are fewer days than siblings", () => {
    // 4 kinds per fact, due tomorrow (2 study days): two of each fact today, two tomorrow.
    const today = pickAssignedItems(set(4, 4, 2), 20, new Map());
    expect(today).toHaveLength(8);
    for (let f = 0; f < 4; f += 1) expect(today.filter((i) => i.siblingKeys[0] === `fact:f${f}`)).toHaveLength(2);
    // Due today: every item today.
    expect(pickAssignedItems(set(4, 4, 1), 20, new Map())).toHaveLength(16);
  });

  it("counts the siblings already introduced today", () => {
    // Fact f0 had 2 of its 4 items introduced today, 2 days left: ⌈4 / 2⌉ = 2 a day, so none more of f0 today.
    const rest = set(4, 4, 2).filter((i) => !["f0k0", "f0k1"].includes(i.itemId));
    const picked = pickAssignedItems(rest, 20, new Map([["fact:f0", 2]]));
    expect(picked.filter((i) => i.siblingKeys[0] === "fact:f0")).toEqual([]);
    expect(picked).toHaveLength(6);
  });

  it("keeps the new-item limit, and one a day once the due date has passed", () => {
    expect(pickAssignedItems(set(4, 4, 1), 5, new Map())).toHaveLength(5);
    expect(ids(pickAssignedItems(set(2, 3, null), 20, new Map()))).toEqual(["f0k0", "f1k0"]);
    expect(pickAssignedItems(set(2, 3, 1), 0, new Map())).toEqual([]);
  });
});

describe("minimumStudyDays", () => {
  it("is the largest sibling group, or the new-item limit's days when that is more", () => {
    expect(minimumStudyDays(set(4, 4, null), 20)).toBe(4);
    expect(minimumStudyDays(set(45, 1, null), 20)).toBe(3);
    expect(minimumStudyDays([], 20)).toBe(0);
  });
});
