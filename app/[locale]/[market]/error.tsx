"use client";

import { Unavailable } from "@/components/errors/unavailable";

/** Errors inside a page: the header and footer stay. */
export default Unavailable;
