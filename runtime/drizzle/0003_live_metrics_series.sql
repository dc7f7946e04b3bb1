CREATE TABLE `metric_series` (
	`journey_id` text NOT NULL,
	`minute` integer NOT NULL,
	`key` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`journey_id`, `minute`, `key`)
);
--> statement-breakpoint
CREATE INDEX `metric_series_minute_idx` ON `metric_series` (`minute`);