/**
 * The task queue every Fanfare workflow and its activities run on unless a contract names
 * another. One queue keeps a small deployment to one worker process; a process that needs its
 * own capacity (transcoding) gets a queue of its own in its contract.
 */
export const FANFARE_TASK_QUEUE = 'fanfare';
