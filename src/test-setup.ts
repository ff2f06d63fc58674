// Unit tests read every language synchronously: load all message files before any test runs.
import { ensureAllMessages } from './i18n/index.ts';

await ensureAllMessages();
