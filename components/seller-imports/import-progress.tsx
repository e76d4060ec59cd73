"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

type Status = "QUEUED" | "RUNNING" | "DONE" | "FAILED";
interface Progress {
  status: Status;
  done: number;
  total: number;
}

const POLL_MS = 1_000;
const finished = (status: Status) => status === "DONE" || status === "FAILED";

/**
 * An import's progress, updated in place: polls its JSON (GET /api/seller/imports/[jobId])
 * while the job runs, then refreshes the page for the results. Without JavaScript the
 * page refreshes itself instead (a meta refresh while the job runs).
 */
export function ImportProgress({ jobId, initial }: { jobId: string; initial: Progress }) {
  const t = useTranslations("sellerImports");
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const running = !finished(progress.status);

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const response = await fetch(`/api/seller/imports/${encodeURIComponent(jobId)}`, { cache: "no-store", headers: { accept: "application/json" } });
        if (response.ok) {
          const body = (await response.json()) as Progress;
          if (stopped) return;
          setProgress({ status: body.status, done: body.done, total: body.total });
          if (finished(body.status)) {
            router.refresh();
            return;
          }
        }
      } catch {
        // A dropped request: the next poll tries again.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, running, router]);

  return (
    <div className="import-progress" data-testid="import-progress" data-status={progress.status}>
      <p role="status" data-testid="import-status">
        {t(`status.${progress.status}`)}
      </p>
      {progress.total > 0 ? (
        <progress id="import-progress-bar" aria-labelledby="import-progress-rows" value={progress.done} max={progress.total} />
      ) : (
        <progress id="import-progress-bar" aria-labelledby="import-progress-rows" />
      )}
      <p id="import-progress-rows" data-testid="import-rows">
        {progress.total > 0 ? t("job.rows", { done: progress.done, total: progress.total }) : t("job.waiting")}
      </p>
    </div>
  );
}
