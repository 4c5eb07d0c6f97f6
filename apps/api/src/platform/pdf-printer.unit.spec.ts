import { ServiceUnavailableException } from '@nestjs/common';
import { loadConfig } from '@riskledger/config';
import { PdfPrinter } from './pdf-printer';

describe('PdfPrinter', () => {
  it('answers 503 saying how to install Chromium where it is missing', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://localhost/none',
      KAFKA_BROKERS: '127.0.0.1:9092',
      CHROMIUM_PATH: '/nowhere/chromium',
    });
    const printing = new PdfPrinter(config).print('<p>x</p>', {
      headerTemplate: '',
      footerTemplate: '',
    });
    await expect(printing).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(printing).rejects.toThrow(/apt-get install chromium.*CHROMIUM_PATH/);
  });
});
