/** One message as Mailpit's REST API describes it (the fields the tests read). */
export interface MailpitMessage {
  ID: string;
  MessageID: string;
  From: { Address: string; Name: string };
  To: Array<{ Address: string; Name: string }>;
  Subject: string;
  Text: string;
  HTML: string;
  Attachments: Array<{ PartID: string; FileName: string; ContentType: string; Size: number }>;
}

interface MessageSummary {
  ID: string;
}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Mailpit answered ${response.status} for ${url}`);
  return (await response.json()) as T;
}

/**
 * Reads what reached a test run's Mailpit through its REST API, so tests assert on mail that
 * really went over SMTP.
 */
export class MailpitInbox {
  constructor(private readonly apiBase: string) {}

  /** Every message to `address`, newest first, with bodies and attachment lists. */
  async messagesTo(address: string): Promise<MailpitMessage[]> {
    const query = encodeURIComponent(`to:"${address}"`);
    const found = await json<{ messages: MessageSummary[] }>(`${this.apiBase}/api/v1/search?query=${query}&limit=50`);
    return Promise.all(found.messages.map((m) => json<MailpitMessage>(`${this.apiBase}/api/v1/message/${m.ID}`)));
  }

  /** Waits until `count` messages to `address` arrived (SMTP acceptance and Mailpit's indexing are not one step). */
  async waitFor(address: string, count = 1, timeoutMs = 10_000): Promise<MailpitMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const messages = await this.messagesTo(address);
      if (messages.length >= count || Date.now() > deadline) return messages;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The bytes of one attachment. */
  async attachment(messageId: string, partId: string): Promise<Buffer> {
    const response = await fetch(`${this.apiBase}/api/v1/message/${messageId}/part/${partId}`);
    if (!response.ok) throw new Error(`Mailpit answered ${response.status} for part ${partId}`);
    return Buffer.from(await response.arrayBuffer());
  }
}
