// A browser test starts the whole system and Chromium, and clicks through flows: minutes, not seconds.
jest.setTimeout(180_000);
