CREATE TABLE `conversion_revenue` (
	`instance_id` integer PRIMARY KEY NOT NULL,
	`amount` real NOT NULL,
	`converted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `org_units` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `referrals` (
	`event_id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `referrals_customer_idx` ON `referrals` (`customer_id`,`at`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`active` integer NOT NULL,
	`referral_code` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_unit_id`) REFERENCES `org_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_referral_code_unique` ON `staff` (`referral_code`);--> statement-breakpoint
CREATE INDEX `staff_org_unit_idx` ON `staff` (`org_unit_id`,`active`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_key` text NOT NULL,
	`instance_id` integer NOT NULL,
	`journey_id` text NOT NULL,
	`version` integer NOT NULL,
	`node_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`channel` text NOT NULL,
	`branch_id` text,
	`assignee` text,
	`assigned_by` text NOT NULL,
	`title` text,
	`script` text NOT NULL,
	`customer_summary` text NOT NULL,
	`status` text NOT NULL,
	`due_at` integer NOT NULL,
	`overdue_at` integer,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	`outcome` text,
	`note` text,
	`product` text,
	`amount` real
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_message_key_unique` ON `tasks` (`message_key`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_idx` ON `tasks` (`assignee`,`status`);--> statement-breakpoint
CREATE INDEX `tasks_branch_idx` ON `tasks` (`branch_id`,`status`);--> statement-breakpoint
CREATE INDEX `tasks_journey_idx` ON `tasks` (`journey_id`);--> statement-breakpoint
CREATE INDEX `tasks_due_idx` ON `tasks` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `unit_costs` (
	`kind` text NOT NULL,
	`item` text NOT NULL,
	`cost` real NOT NULL,
	PRIMARY KEY(`kind`, `item`)
);
