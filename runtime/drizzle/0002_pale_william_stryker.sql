CREATE TABLE `audience_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`journey_id` text NOT NULL,
	`version` integer NOT NULL,
	`condition` text,
	`cursor` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `journeys` ADD `next_entry_at` integer;