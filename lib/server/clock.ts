import "server-only";
import { cache } from "react";
import { fixedClock, type Clock } from "@/lib/domain/clock";

/** The one instant of the request (or render) being served: React `cache` keeps it per request. */
export const requestClock = cache((): Clock => fixedClock(new Date()));
