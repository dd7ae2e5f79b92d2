//! The compiler runs on a worker thread so that the main loop keeps
//! answering while a rule set is analysed. Jobs queued while it works are
//! coalesced: only the newest state of each rule set is compiled next. A
//! compile that has started runs to its end (the analysis has no points to
//! stop at); the main loop drops its result when a newer edit exists.

use super::documents::{RuleSet, SetKey};
use super::positions::Encoding;
use super::snapshot::Snapshot;
use crossbeam_channel::{Receiver, Sender};

pub(crate) struct Job {
    pub(crate) key: SetKey,
    pub(crate) generation: u64,
    pub(crate) rule_set: RuleSet,
}

pub(crate) struct Worker {
    jobs: Sender<Job>,
    pub(crate) results: Receiver<Snapshot>,
}

impl Worker {
    /// Start the thread. It ends when the `Worker` is dropped (after the
    /// compile in progress, if any).
    pub(crate) fn spawn(encoding: Encoding) -> std::io::Result<Worker> {
        let (jobs, queue) = crossbeam_channel::unbounded();
        let (done, results) = crossbeam_channel::unbounded();
        std::thread::Builder::new()
            .name("coex-analysis".to_string())
            .spawn(move || work(&queue, &done, encoding))?;
        Ok(Worker { jobs, results })
    }

    pub(crate) fn submit(&self, job: Job) {
        // The worker only stops when this sender is dropped.
        let _ = self.jobs.send(job);
    }
}

fn work(queue: &Receiver<Job>, done: &Sender<Snapshot>, encoding: Encoding) {
    let mut pending: Vec<Job> = Vec::new();
    loop {
        if pending.is_empty() {
            match queue.recv() {
                Ok(job) => pending.push(job),
                Err(_) => return,
            }
        }
        for job in queue.try_iter() {
            pending.retain(|p| p.key != job.key);
            pending.push(job);
        }
        let job = pending.remove(0);
        let snapshot = Snapshot::build(job.key, job.generation, job.rule_set, encoding);
        if done.send(snapshot).is_err() {
            return;
        }
    }
}
