import { NextResponse } from "next/server";
import { landedCostOpenApiDocument } from "@/lib/domain/trade";

export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(landedCostOpenApiDocument());
}
