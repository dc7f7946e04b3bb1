/** Colours and type sizes of the monitor's charts: the page's, or the big screen's (dark, read from afar). */
export function chartStyle(dark: boolean) {
  return dark
    ? {
        text: '#c5d0de',
        grid: '#2b3648',
        fontSize: 18,
        colors: { entered: '#63a9ff', converted: '#4fd18b', messagesSent: '#c29bff' },
      }
    : {
        text: '#5b6676',
        grid: '#e6eaf0',
        fontSize: 12,
        colors: { entered: '#2b6cb0', converted: '#2f7d4f', messagesSent: '#7a4fc4' },
      };
}
