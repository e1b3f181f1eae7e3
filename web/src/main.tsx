import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { ApiError, setRequestLanguage } from './lib/api.ts';
import { LangContext, type Lang } from './lib/i18n.ts';
import { appTheme, contrastCss, TextSizeContext } from './lib/theme.ts';
import './a11y.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Refusals (4xx) will not change on retry; network trouble might.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

// The page's language is set before the first render too (a reload in English says "en" at once).
document.documentElement.lang = localStorage.getItem('mashang.lang') === 'en' ? 'en' : 'zh-CN';

function Root() {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('mashang.lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('mashang.lang', l);
    setLangState(l);
  };
  const [largeText, setLargeTextState] = useState(() => localStorage.getItem('mashang.largeText') === '1');
  const setLargeText = (v: boolean) => {
    localStorage.setItem('mashang.largeText', v ? '1' : '0');
    setLargeTextState(v);
  };
  const textSize = useMemo(() => ({ largeText, setLargeText }), [largeText]);
  const theme = useMemo(() => appTheme(largeText), [largeText]);
  // The page's language, the dates' and the server's error messages follow the chosen one on every load.
  setRequestLanguage(lang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  const value = useMemo(() => ({ lang, setLang }), [lang]);
  return (
    <LangContext.Provider value={value}>
      <TextSizeContext.Provider value={textSize}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
      </TextSizeContext.Provider>
    </LangContext.Provider>
  );
}

const contrastStyle = document.createElement('style');
contrastStyle.textContent = contrastCss();
document.head.appendChild(contrastStyle);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
